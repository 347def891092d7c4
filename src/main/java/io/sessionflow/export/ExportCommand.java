package io.sessionflow.export;

import io.sessionflow.app.KafkaConnection;
import io.sessionflow.cli.CommandSettings;
import io.sessionflow.cli.ExitCode;
import io.sessionflow.cli.OutputPath;
import io.sessionflow.cli.TimeRangeOptions;
import io.sessionflow.cli.Vocabulary;
import io.sessionflow.kafka.KafkaTopics;
import io.sessionflow.replay.EventFilter;
import io.sessionflow.replay.Progress;
import io.sessionflow.replay.Replay;
import io.sessionflow.replay.TimeRange;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code export sessions --from --to --out f.parquet [--system s]}: one row per session of a time range. */
@Command(name = "export", sortOptions = false,
        description = "One Parquet row per session, folded from its events in a time range (docs/analytics.md).")
public final class ExportCommand implements Callable<Integer> {
    enum Table { sessions }

    @Parameters(index = "0", paramLabel = "sessions", description = "what to export: sessions")
    Table table;
    @Mixin
    TimeRangeOptions time;
    @Option(names = "--out", paramLabel = "<file.parquet>", required = true, description = "the Parquet file to write")
    Path out;
    @Option(names = "--system", split = ",", paramLabel = "<system>",
            description = "only these systems: system ids, comma-separated (webinar,seeit)")
    List<String> systems = List.of();

    @Override
    public Integer call() {
        TimeRange range = time.range();
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
