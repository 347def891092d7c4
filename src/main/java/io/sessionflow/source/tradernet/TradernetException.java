package io.sessionflow.source.tradernet;

/**
 * Tradernet refused or failed a call: a login error, an {@code errMsg} answer, an {@code error} feed message.
 * The message is safe to log: it never carries the password or the SID.
 */
public class TradernetException extends RuntimeException {
    public TradernetException(String message) {
        super(message);
    }
}
