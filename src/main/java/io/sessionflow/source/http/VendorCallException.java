package io.sessionflow.source.http;

/**
 * A vendor call that failed: transport error or a non-2xx answer. Its message names the system, the request
 * path and what the vendor said, and never a credential.
 */
public class VendorCallException extends RuntimeException {
    private final int status;
    private final String retryAfter;
    private final byte[] body;

    public VendorCallException(String message, int status, String retryAfter, Throwable cause) {
        this(message, status, retryAfter, cause, null);
    }

    /** @param body the vendor's error answer, when it gave one */
    public VendorCallException(String message, int status, String retryAfter, Throwable cause, byte[] body) {
        super(message, cause);
        this.status = status;
        this.retryAfter = retryAfter;
        this.body = body;
    }

    /** The vendor's error answer as received, or an empty body when it gave none (a transport failure). */
    public byte[] body() {
        return body == null ? new byte[0] : body;
    }

    /** HTTP status, or 0 for a transport failure. */
    public int status() {
        return status;
    }

    public String retryAfter() {
        return retryAfter;
    }
}
