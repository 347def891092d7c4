package io.sessionflow.source.storyclm;

import io.sessionflow.source.http.VendorCallException;

/**
 * StoryCLM answered a command with an error envelope ({@code ErrorCode} other than 200), usually over HTTP 200.
 * It is a failed call, not data: the poll fails, nothing from it is published and the next poll retries.
 */
public class StoryclmCommandException extends VendorCallException {
    private final long errorCode;

    public StoryclmCommandException(String message, long errorCode) {
        super(message, 0, null, null);
        this.errorCode = errorCode;
    }

    /** The envelope's ErrorCode; -1 when the answer was no envelope at all. */
    public long errorCode() {
        return errorCode;
    }
}
