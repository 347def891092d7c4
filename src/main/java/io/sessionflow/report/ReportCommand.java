package io.sessionflow.report;

import io.sessionflow.app.KafkaConnection;
import io.sessionflow.config.Settings;
import io.sessionflow.replay.CommandArgs;
import io.sessionflow.replay.Progress;
import io.sessionflow.replay.TimeRange;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;

/** {@code report}: charts and CSV of the events in a time range, written to a folder. */
public final class ReportCommand {
    private ReportCommand() {
    }

    public static void main(String[] args) throws IOException {
        CommandArgs a = CommandArgs.parse(args, Set.of("from", "to", "out"));
        TimeRange range = new TimeRange(a.instant("from", Instant.EPOCH), a.instant("to", Instant.now()));
        Path dir = Path.of(a.required("out"));
        try (KafkaConnection kafka = KafkaConnection.reading(Settings.fromEnvironment())) {
            Path page = new Report(kafka.bootstrapServers()).write(kafka.topics().events(), range, dir,
                    Progress.forConsole("report"));
            System.err.println("report: open " + page.toAbsolutePath().toUri());
        }
    }
}
