package io.sessionflow.export;

import io.sessionflow.parquet.Column;
import io.sessionflow.parquet.ParquetTable;
import io.sessionflow.replay.ReplayRecord;
import io.sessionflow.replay.ReplaySink;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

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
    private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<SessionSummary> ORDER = Comparator.comparing(SessionSummary::system, TEXT)
            .thenComparing(SessionSummary::account, TEXT).thenComparing(SessionSummary::sessionId, TEXT);
    private final SessionSummaries sessions = new SessionSummaries();
    private final ParquetTable table;

    /** Opens the writer before anything is read, so an unwritable place fails before a long read, not after. */
    public SessionsTable(Path out) {
        this.table = ParquetTable.create(out, COLUMNS);
    }

    @Override
    public void write(ReplayRecord record) {
        sessions.add(record.record().value(), record.record().timestamp());
    }

    /** Writes the file. */
    @Override
    public void close() {
        try (table) {
            sessions.all().stream().sorted(ORDER).forEach(s -> table.row(s.row()));
        }
    }

    /** Sessions written, once closed. */
    public long rows() {
        return table.rows();
    }
}
