package io.sessionflow.cli;

/** The exit codes every command keeps to (README "Commands"), so scripts and CI can tell the cases apart. */
public final class ExitCode {
    /** Done; for a check: nothing wrong. */
    public static final int OK = 0;
    /** The command ran and found a problem: verify or health failed, polls of a re-derivation failed. */
    public static final int CHECK_FAILED = 1;
    /** Nothing was done: unknown option, missing value, bad path or filter, bad setting, Kafka unreachable. */
    public static final int USAGE = 2;

    private ExitCode() {
    }
}
