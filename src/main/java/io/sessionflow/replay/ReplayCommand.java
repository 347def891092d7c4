package io.sessionflow.replay;

import io.sessionflow.app.KafkaConnection;
import io.sessionflow.cli.CommandSettings;
import io.sessionflow.cli.ExitCode;
import io.sessionflow.cli.OutputPath;
import io.sessionflow.cli.TimeRangeOptions;
import io.sessionflow.cli.Vocabulary;
import io.sessionflow.config.Settings;
import io.sessionflow.kafka.KafkaTopics;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code replay}: the events of a time range to a JSON Lines, CSV or Parquet file, or to another topic. */
@Command(name = "replay", sortOptions = false,
        description = "The events of a time range to stdout, a JSON Lines, CSV or Parquet file, or another topic;"
                + " byte-stable (docs/replay.md, Parquet: docs/analytics.md).")
public final class ReplayCommand implements Callable<Integer> {
    enum Format { jsonl, csv, parquet }

    @Mixin
    TimeRangeOptions time;
    @Option(names = "--system", split = ",", paramLabel = "<system>",
            description = "only these systems: system ids, comma-separated (webinar,seeit)")
    List<String> systems = List.of();
    @Option(names = "--session", split = ",", paramLabel = "<id>", description = "only these session ids")
    List<String> sessions = List.of();
    @Option(names = "--type", split = ",", paramLabel = "<type>",
            description = "only these types: session.started or sessionflow.session.started")
    List<String> types = List.of();

    @Option(
            names = "--format",
            paramLabel = "jsonl|csv|parquet",
            description = "file format (default: jsonl; parquet needs --out)")
    Format format = Format.jsonl;

    @Option(names = "--out", paramLabel = "<file>", description = "write to this file (default: stdout)")
    Path out;

    @Option(
            names = "--to-topic",
            paramLabel = "<topic>",
            description =
                    "re-publish to this topic instead: a new one, or one that already holds records with --append")
    String toTopic;

    @Option(names = "--append", description = "allow --to-topic to write after the records it already holds")
    boolean append;

    @Override
    public Integer call() throws IOException {
        TimeRange range = time.range();
        EventFilter filter = new EventFilter(systems.stream().map(Vocabulary::system).toList(), sessions,
                types.stream().map(Vocabulary::type).toList());
        if (out != null && toTopic != null) {
            throw new IllegalArgumentException("choose either --out or --to-topic");
        }
        if (format == Format.parquet && out == null) {
            throw new IllegalArgumentException("--format parquet needs --out <file>");
        }
        if (append && toTopic == null) {
            throw new IllegalArgumentException("--append goes with --to-topic");
        }
        Settings settings = CommandSettings.load();
        if (toTopic != null) {
            TargetTopic.checkName(toTopic, KafkaConnection.topicsOf(settings));
        }
        if (out != null) {
            OutputPath.file("--out", out);
        }
        try (KafkaConnection kafka = KafkaConnection.reading(settings)) {
            String events = kafka.topics().events();
            KafkaTopics.requireExisting(kafka.bootstrapServers(), events);
            long written = new Replay(kafka.bootstrapServers()).run(events, range, filter, sink(kafka, settings),
                    Progress.forConsole("replay"));
            System.err.println("replay: " + written + " events from " + range.from() + " (inclusive) to "
                    + range.to() + " (exclusive) -> " + (toTopic != null ? toTopic : out != null ? out : "stdout"));
        }
        return ExitCode.OK;
    }

    private ReplaySink sink(KafkaConnection kafka, Settings settings) throws IOException {
        if (toTopic != null) {
            TargetTopic.prepare(kafka.bootstrapServers(), toTopic, kafka.topics().events(),
                    (short) settings.integer("sessionflow.kafka.replication-factor"), append);
            return new TopicSink(kafka.bootstrapServers(), toTopic);
        }
        if (format == Format.parquet) {
            return new ParquetSink(out);
        }
        OutputStream stream = new BufferedOutputStream(out == null ? System.out : Files.newOutputStream(out));
        return format == Format.csv ? new CsvSink(stream) : new JsonLinesSink(stream);
    }
}
