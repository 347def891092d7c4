package io.sessionflow.testing;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * The tests' one way to wait: Awaitility, polling a condition in the test's own thread every 50 ms from the first
 * moment, until it holds or the {@code atMost} given by the caller passes; and a pause for the rare wait that is
 * part of a scenario (a broker down for 20 s), never one standing in for "nothing more happened".
 */
public final class Wait {
    private static final Duration EVERY = Duration.ofMillis(50);

    private Wait() {
    }

    public static ConditionFactory await() {
        return Awaitility.await().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(EVERY);
    }

    /** @param what what is awaited, named in the failure */
    public static ConditionFactory await(String what) {
        return Awaitility.await(what).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(EVERY);
    }

    /** Part of the scenario: time passes on purpose. */
    public static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while pausing", e);
        }
    }
}
