package io.sessionflow.replay;

import io.sessionflow.parquet.Column;
import io.sessionflow.parquet.ParquetTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Each event as a Parquet row: where it was on the topic, the envelope and the common data fields as typed
 * columns, and the event's JSON as published (for vendor attributes and anything the columns leave out).
 */
public final class ParquetSink implements ReplaySink {
    public static final List<Column> COLUMNS = List.of(
            Column.timestamp("record_timestamp"), Column.integer("partition"), Column.bigint("offset"),
            Column.text("id"), Column.text("source"), Column.text("type"), Column.text("subject"),
            Column.timestamp("time"), Column.text("system"), Column.text("account"), Column.text("session_id"),
            Column.text("kind"), Column.text("status"), Column.text("title"), Column.timestamp("scheduled_start"),
            Column.timestamp("scheduled_end"), Column.timestamp("started_at"), Column.timestamp("ended_at"),
            Column.bigint("duration_seconds"), Column.text("owner_id"), Column.text("owner_name"),
            Column.text("participant_id"), Column.text("participant_name"), Column.text("participant_email"),
            Column.text("participant_role"), Column.text("parent_type"), Column.text("parent_id"),
            Column.bool("inferred"), Column.bool("recovered"), Column.json("event"));
    private final ParquetTable table;

    public ParquetSink(Path out) {
        this.table = ParquetTable.create(out, COLUMNS);
    }

    @Override
    public void write(ReplayRecord replayed) {
        ConsumerRecord<String, byte[]> r = replayed.record();
        EventFields e = EventFields.of(r.value());
        table.row(Instant.ofEpochMilli(r.timestamp()), r.partition(), r.offset(),
                e.envelope("id"), e.envelope("source"), e.envelope("type"), e.envelope("subject"),
                e.envelopeTime("time"), e.data("system"), e.account(), e.data("sessionId"), e.data("kind"),
                e.data("status"), e.data("title"), e.dataTime("scheduledStart"), e.dataTime("scheduledEnd"),
                e.dataTime("startedAt"), e.dataTime("endedAt"), e.dataLong("durationSeconds"),
                e.data("owner", "id"), e.data("owner", "name"), e.data("participant", "id"),
                e.data("participant", "name"), e.data("participant", "email"), e.data("participant", "role"),
                e.data("parent", "type"), e.data("parent", "id"), e.dataFlag("inferred"), e.dataFlag("recovered"),
                new String(r.value(), StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        table.close();
    }
}
