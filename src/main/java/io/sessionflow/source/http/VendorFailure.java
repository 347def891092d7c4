package io.sessionflow.source.http;

/**
 * How the fault policy treats a failed vendor call: a transient fault is retried and counts towards the
 * circuit breaker; a throttled call waits for the vendor's time; a final one (bad token, SOAP Fault,
 * refused answer) is reported at once.
 */
public record VendorFailure(Kind kind, String retryAfter) {
    public enum Kind { TRANSIENT, THROTTLED, FINAL }

    public static final VendorFailure TRANSIENT = new VendorFailure(Kind.TRANSIENT, null);
    public static final VendorFailure FINAL = new VendorFailure(Kind.FINAL, null);

    public static VendorFailure throttled(String retryAfter) {
        return new VendorFailure(Kind.THROTTLED, retryAfter);
    }

    /** The HTTP reading: network errors and 5xx are transient, 429 is throttled, other statuses final. */
    public static VendorFailure ofHttp(VendorCallException e) {
        if (e.status() == 429) {
            return throttled(e.retryAfter());
        }
        return e.status() == 0 || e.status() >= 500 ? TRANSIENT : FINAL;
    }
}
