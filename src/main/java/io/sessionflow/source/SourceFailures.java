package io.sessionflow.source;

import io.sessionflow.event.SourceAccount;

/**
 * Where a source reports a failure that happens outside its routes, such as a push feed's login or connection: the
 * account's readiness and metrics count it as a failed poll, as the shared error handling does for a route's.
 */
public interface SourceFailures {
    /** Failures go nowhere but the source's own log line (a Kamelet reports through its user's route). */
    SourceFailures NONE = (account, error) -> { };

    /** @param error one credential-free line, the one the source logs */
    void failed(SourceAccount account, String error);
}
