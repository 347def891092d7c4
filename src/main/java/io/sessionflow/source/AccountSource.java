package io.sessionflow.source;

import java.util.Map;

/**
 * The bean one account's routes call: a {@link SnapshotPoller} ({@code poll()}), or a push source's stream. It lives
 * as long as the account runs on this instance: started once its routes run, closed when the account moves away.
 */
public interface AccountSource extends AutoCloseable {

    /** The account's routes run; a push source connects here. */
    default void start() {
    }

    /** Route template parameters of its own, beyond {@code account}, {@code source} and {@code interval}. */
    default Map<String, String> routeParameters() {
        return Map.of();
    }

    @Override
    default void close() {
    }
}
