package io.sessionflow.export;

import io.sessionflow.app.KafkaConnection;
import io.sessionflow.config.Settings;
import io.sessionflow.replay.CommandArgs;
import io.sessionflow.replay.EventFilter;
import io.sessionflow.replay.Progress;
import io.sessionflow.replay.Replay;
import io.sessionflow.replay.TimeRange;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** {@code export sessions --from --to --out f.parquet [--system s]}: one row per session of a time range. */
public final class ExportCommand {
    private ExportCommand() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || !args[0].equals("sessions")) {
            throw new IllegalArgumentException("usage: export sessions --from <time> --to <time> --out <file.parquet>");
        }
        CommandArgs a = CommandArgs.parse(Arrays.copyOfRange(args, 1, args.length), Set.of("from", "to", "out", "system"));
        TimeRange range = new TimeRange(a.instant("from", Instant.EPOCH), a.instant("to", Instant.now()));
        Path out = Path.of(a.required("out"));
        try (KafkaConnection kafka = KafkaConnection.open(Settings.fromEnvironment())) {
            SessionsTable table = new SessionsTable(out);
            long events = new Replay(kafka.bootstrapServers()).run(kafka.topics().events(), range,
                    new EventFilter(a.list("system"), List.of(), List.of()), table,
                    Progress.forConsole("export"));
            System.err.println("export: " + table.rows() + " sessions from " + events + " events, " + range.from()
                    + " (inclusive) to " + range.to() + " (exclusive) -> " + out);
        }
    }
}
