package io.sessionflow.export;

import io.sessionflow.parquet.Column;
import io.sessionflow.parquet.ParquetTable;
import io.sessionflow.replay.EventFields;
import io.sessionflow.replay.ReplayRecord;
import io.sessionflow.replay.ReplaySink;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Parquet row per session, folded from the session's events as replay reads them (so it shows what consumers
 * saw), written when the reading ends, sorted by system, account and session id. Only the sessions are kept in
 * memory, not their events.
 */
public final class SessionsTable implements ReplaySink {
    public static final List<Column> COLUMNS = List.of(
            Column.text("system"), Column.text("account"), Column.text("session_id"), Column.text("kind"),
            Column.text("title"), Column.text("parent_type"), Column.text("parent_id"), Column.text("owner_id"),
            Column.text("owner_name"), Column.timestamp("scheduled_start"), Column.timestamp("scheduled_end"),
            Column.timestamp("started_at"), Column.timestamp("ended_at"), Column.bigint("duration_seconds"),
            Column.integer("participants"), Column.text("last_status"), Column.text("last_event_type"),
            Column.timestamp("last_event_time"), Column.integer("events"), Column.bool("inferred"),
            Column.bool("recovered"), Column.timestamp("first_published"), Column.timestamp("last_published"));
    private final Path out;
    private final Map<List<String>, SessionSummary> sessions = new LinkedHashMap<>();
    private long rows;

    public SessionsTable(Path out) {
        this.out = out;
    }

    @Override
    public void write(ReplayRecord record) {
        EventFields e = EventFields.of(record.record().value());
        String system = e.data("system");
        String account = e.account();
        String sessionId = e.data("sessionId");
        sessions.computeIfAbsent(List.of(String.valueOf(system), account, String.valueOf(sessionId)),
                k -> new SessionSummary(system, account, sessionId))
                .add(e, Instant.ofEpochMilli(record.record().timestamp()));
    }

    /** Writes the file. */
    @Override
    public void close() {
        try (ParquetTable table = ParquetTable.create(out, COLUMNS)) {
            sessions.values().stream()
                    .sorted(Comparator.comparing((SessionSummary s) -> s.system, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
                            .thenComparing(s -> s.account)
                            .thenComparing(s -> s.sessionId, Comparator.nullsFirst(Comparator.<String>naturalOrder())))
                    .forEach(s -> table.row(s.system, s.account, s.sessionId, s.kind, s.title, s.parentType,
                            s.parentId, s.ownerId, s.ownerName, s.scheduledStart, s.scheduledEnd, s.startedAt,
                            s.endedAt, s.duration(), s.participants.size(), s.lastStatus, s.lastType, s.lastTime,
                            s.events, s.inferred, s.recovered, s.firstPublished, s.lastPublished));
            rows = table.rows();
        }
    }

    /** Sessions written, once closed. */
    public long rows() {
        return rows;
    }
}
