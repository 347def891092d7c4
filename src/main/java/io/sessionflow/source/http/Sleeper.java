package io.sessionflow.source.http;

import java.time.Duration;

/** Waiting, replaceable in tests. */
public interface Sleeper {
    Sleeper REAL = d -> {
        if (!d.isNegative() && !d.isZero()) {
            Thread.sleep(d.toMillis());
        }
    };

    void sleep(Duration duration) throws InterruptedException;
}
