package io.sessionflow.replay;

import io.sessionflow.app.KafkaConnection;
import io.sessionflow.config.Settings;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;

/** {@code replay}: the events of a time range to a JSON Lines, CSV or Parquet file, or to another topic. */
public final class ReplayCommand {
    private static final Set<String> OPTIONS = Set.of("from", "to", "system", "session", "type", "format", "out",
            "to-topic");

    private ReplayCommand() {
    }

    public static void main(String[] args) throws IOException {
        CommandArgs a = CommandArgs.parse(args, OPTIONS);
        TimeRange range = new TimeRange(a.instant("from", Instant.EPOCH), a.instant("to", Instant.now()));
        EventFilter filter = new EventFilter(a.list("system"), a.list("session"), a.list("type"));
        Settings settings = Settings.fromEnvironment();
        try (KafkaConnection kafka = KafkaConnection.reading(settings)) {
            long written = new Replay(kafka.bootstrapServers()).run(kafka.topics().events(), range, filter,
                    sink(a, kafka, settings), Progress.forConsole("replay"));
            System.err.println("replay: " + written + " events from " + range.from() + " (inclusive) to "
                    + range.to() + " (exclusive) -> " + a.string("to-topic", a.string("out", "stdout")));
        }
    }

    private static ReplaySink sink(CommandArgs a, KafkaConnection kafka, Settings settings) throws IOException {
        String toTopic = a.string("to-topic", null);
        if (toTopic != null) {
            if (a.string("out", null) != null) {
                throw new IllegalArgumentException("choose either --out or --to-topic");
            }
            TargetTopic.ensure(kafka.bootstrapServers(), toTopic, kafka.topics().events(),
                    (short) settings.integer("sessionflow.kafka.replication-factor"));
            return new TopicSink(kafka.bootstrapServers(), toTopic);
        }
        String out = a.string("out", null);
        String format = a.string("format", "jsonl");
        if (format.equals("parquet")) {
            if (out == null) {
                throw new IllegalArgumentException("--format parquet needs --out <file>");
            }
            return new ParquetSink(Path.of(out));
        }
        OutputStream stream = new BufferedOutputStream(out == null ? System.out : Files.newOutputStream(Path.of(out)));
        return switch (format) {
            case "jsonl" -> new JsonLinesSink(stream);
            case "csv" -> new CsvSink(stream);
            default -> throw new IllegalArgumentException("--format is jsonl, csv or parquet");
        };
    }
}
