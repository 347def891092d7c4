package io.sessionflow.track;

import java.util.Map;

/**
 * For one source, which record input each session's committed state was made from, as of the last committed
 * poll. A record with the same input again is the same session, unchanged: the poller need not map or diff
 * it. Replaced whole on every commit, so it holds only what the last committed poll listed (a session that
 * vanished from the vendor's list vanishes from here), and it starts empty after a restart: the first poll
 * then maps everything, as it always did.
 */
public final class RecordInputs {
    private volatile Map<RecordDigest, String> sessionByInput = Map.of();

    /** @return the key of the session whose committed state this input made, or null */
    public String sessionOf(RecordDigest input) {
        return input == null ? null : sessionByInput.get(input);
    }

    void replace(Map<RecordDigest, String> committed) {
        sessionByInput = committed;
    }

    public int size() {
        return sessionByInput.size();
    }
}
