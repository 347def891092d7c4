package io.sessionflow.replay;

import io.sessionflow.event.SessionData;
import io.sessionflow.event.SessionEvent;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The main fields of each event as RFC 4180 CSV (UTF-8, CRLF line ends), with a header row. */
final class CsvSink implements ReplaySink {
    static final List<String> COLUMNS = List.of("record_timestamp", "partition", "offset", "id", "type", "time",
            "system", "session_id", "status", "title", "started_at", "ended_at", "duration_seconds", "participant");
    private final PrintWriter out;

    CsvSink(OutputStream stream) {
        this.out = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        row(COLUMNS);
    }

    @Override
    public void write(ReplayRecord replayed) {
        ConsumerRecord<String, byte[]> record = replayed.record();
        SessionEvent e = replayed.event();
        SessionData d = e.data();
        row(List.of(Instant.ofEpochMilli(record.timestamp()).toString(), String.valueOf(record.partition()),
                String.valueOf(record.offset()), e.id(), e.type().type(), text(e.time()), d.system().id(),
                d.sessionId(), d.status() == null ? "" : d.status().value(), text(d.title()), text(d.startedAt()),
                text(d.endedAt()), text(d.durationSeconds()),
                d.participant() == null ? "" : text(Objects.requireNonNullElse(d.participant().name(),
                        d.participant().email()))));
    }

    /** Its columns come from the parsed event. */
    @Override
    public boolean needsEvent() {
        return true;
    }

    @Override
    public void close() {
        out.close();
    }

    private void row(List<String> cells) {
        out.print(String.join(",", cells.stream().map(Csv::cell).toList()));
        out.print("\r\n");
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
