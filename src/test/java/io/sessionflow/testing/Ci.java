package io.sessionflow.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Whether the tests run in CI: {@code .ci/run} exports {@code SESSIONFLOW_CI=true} ({@code -Dsessionflow.ci=true}
 * does the same). In CI a test that cannot run fails instead of skipping, and no run writes an expected file.
 */
public final class Ci {
    public static final String VARIABLE = "SESSIONFLOW_CI";

    private Ci() {
    }

    public static boolean active() {
        return "true".equalsIgnoreCase(System.getenv(VARIABLE)) || Boolean.getBoolean("sessionflow.ci");
    }

    /** A developer without what the test needs is told why it was skipped; CI fails with the same words. */
    public static void require(boolean available, String whatIsMissing) {
        require(available, whatIsMissing, active());
    }

    /** {@link #require(boolean, String)} in CI or not, whatever this run is. */
    public static void require(boolean available, String whatIsMissing, boolean inCi) {
        if (available) {
            return;
        }
        if (inCi) {
            Assertions.fail(whatIsMissing + " (" + VARIABLE + "=true: CI runs every test, none may skip)");
        }
        Assumptions.abort("skipped: " + whatIsMissing);
    }
}
