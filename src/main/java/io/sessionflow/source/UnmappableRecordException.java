package io.sessionflow.source;

/** A vendor record that cannot become a canonical session; it goes to the dead-letter topic. */
public class UnmappableRecordException extends RuntimeException {
    public UnmappableRecordException(String message) {
        super(message);
    }

    public UnmappableRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
