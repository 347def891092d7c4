package io.sessionflow.source.http;

/**
 * A vendor call that failed: transport error or a non-2xx answer. Its message names the system, the request
 * path and what the vendor said, and never a credential.
 */
public class VendorCallException extends RuntimeException {
    private final int status;
    private final String retryAfter;

    public VendorCallException(String message, int status, String retryAfter, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** HTTP status, or 0 for a transport failure. */
    public int status() {
        return status;
    }

    public String retryAfter() {
        return retryAfter;
    }
}
