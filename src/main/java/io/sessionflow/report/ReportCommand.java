package io.sessionflow.report;

import io.sessionflow.app.KafkaConnection;
import io.sessionflow.cli.CommandSettings;
import io.sessionflow.cli.ExitCode;
import io.sessionflow.cli.OutputPath;
import io.sessionflow.cli.TimeRangeOptions;
import io.sessionflow.kafka.KafkaTopics;
import io.sessionflow.replay.Progress;
import io.sessionflow.replay.TimeRange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code report}: charts and CSV of the events in a time range, written to a folder. */
@Command(name = "report", sortOptions = false,
        description = "An HTML page of charts plus the same figures as CSV, for a time range (docs/report.md).")
public final class ReportCommand implements Callable<Integer> {
    @Mixin
    TimeRangeOptions time;
    @Option(names = "--out", paramLabel = "<dir>", required = true,
            description = "folder for report.html and the CSV files (created when missing)")
    Path out;

    @Override
    public Integer call() throws IOException {
        TimeRange range = time.range();
        OutputPath.folder("--out", out);
        try (KafkaConnection kafka = KafkaConnection.reading(CommandSettings.load())) {
            KafkaTopics.requireExisting(kafka.bootstrapServers(), kafka.topics().events());
            String watermarks = KafkaTopics.describe(kafka.bootstrapServers(), kafka.topics().watermarks()) == null
                    ? null : kafka.topics().watermarks();
            Path page = new Report(kafka.bootstrapServers()).write(kafka.topics().events(), watermarks, range, out,
                    Progress.forConsole("report"));
            System.err.println("report: open " + page.toAbsolutePath().toUri());
        }
        return ExitCode.OK;
    }
}
