package io.sessionflow.rederive;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves one step forward on every reading, so each live poll has its own fetched-at (polls are
 * regrouped from the raw archive by it) while the test still decides where time is; {@link #jump} moves it on.
 */
final class SteppingClock extends Clock {
    private final AtomicReference<Instant> next;
    private final Duration step;

    SteppingClock(Instant start, Duration step) {
        this.next = new AtomicReference<>(start);
        this.step = step;
    }

    void jump(Duration by) {
        next.updateAndGet(t -> t.plus(by));
    }

    @Override
    public Instant instant() {
        return next.getAndUpdate(t -> t.plus(step));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
