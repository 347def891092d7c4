package io.sessionflow.trace;

/** Span attribute names of Sessionflow's own, beside OpenTelemetry's conventions; like metric tags, no vendor value. */
public final class TraceAttributes {
    public static final String SYSTEM = "sessionflow.system";
    public static final String ACCOUNT = "sessionflow.account";

    private TraceAttributes() {
    }
}
