package io.sessionflow.cli;

import io.sessionflow.replay.TimeRange;
import java.time.Instant;
import picocli.CommandLine.Option;

/** {@code --from} and {@code --to}, the same for every command that reads a time range of a topic (a mixin). */
public final class TimeRangeOptions {
    @Option(names = "--from", paramLabel = "<time>", converter = TimeOption.class,
            description = "first instant, inclusive: 2026-11-20T09:00:00Z or 2026-11-20 (default: the beginning)")
    Instant from = Instant.EPOCH;
    @Option(names = "--to", paramLabel = "<time>", converter = TimeOption.class,
            description = "end, exclusive (default: now)")
    Instant to;

    /** @throws IllegalArgumentException when {@code --from} is not before {@code --to} (now, when not given) */
    public TimeRange range() {
        return new TimeRange(from, to == null ? Instant.now() : to);
    }
}
