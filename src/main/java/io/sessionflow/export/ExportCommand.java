package io.sessionflow.export;

import io.sessionflow.app.KafkaConnection;
import io.sessionflow.cli.CommandSettings;
import io.sessionflow.cli.ExitCode;
import io.sessionflow.cli.OutputPath;
import io.sessionflow.cli.TimeOption;
import io.sessionflow.cli.Vocabulary;
import io.sessionflow.kafka.KafkaTopics;
import io.sessionflow.replay.EventFilter;
import io.sessionflow.replay.Progress;
import io.sessionflow.replay.Replay;
import io.sessionflow.replay.TimeRange;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code export sessions --from --to --out f.parquet [--system s]}: one row per session of a time range. */
@Command(name = "export", sortOptions = false,
        description = "One Parquet row per session, folded from its events in a time range (docs/analytics.md).")
public final class ExportCommand implements Callable<Integer> {
    enum Table { sessions }

    @Parameters(index = "0", paramLabel = "sessions", description = "what to export: sessions")
    Table table;
    @Option(names = "--from", paramLabel = "<time>", converter = TimeOption.class,
            description = "first instant, inclusive: 2026-11-20T09:00:00Z or 2026-11-20 (default: the beginning)")
    Instant from = Instant.EPOCH;
    @Option(names = "--to", paramLabel = "<time>", converter = TimeOption.class,
            description = "end, exclusive (default: now)")
    Instant to;
    @Option(names = "--out", paramLabel = "<file.parquet>", required = true, description = "the Parquet file to write")
    Path out;
    @Option(names = "--system", split = ",", paramLabel = "<system>",
            description = "only these systems: system ids, comma-separated (webinar,seeit)")
    List<String> systems = List.of();

    @Override
    public Integer call() {
        TimeRange range = new TimeRange(from, to == null ? Instant.now() : to);
        EventFilter filter = new EventFilter(systems.stream().map(Vocabulary::system).toList(), List.of(), List.of());
        OutputPath.file("--out", out);
        try (KafkaConnection kafka = KafkaConnection.reading(CommandSettings.load())) {
            KafkaTopics.requireExisting(kafka.bootstrapServers(), kafka.topics().events());
            SessionsTable rows = new SessionsTable(out);
            long events = new Replay(kafka.bootstrapServers()).run(kafka.topics().events(), range, filter, rows,
                    Progress.forConsole("export"));
            System.err.println("export: " + rows.rows() + " sessions from " + events + " events, " + range.from()
                    + " (inclusive) to " + range.to() + " (exclusive) -> " + out);
        }
        return ExitCode.OK;
    }
}
