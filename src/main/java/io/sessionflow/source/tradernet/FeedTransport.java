package io.sessionflow.source.tradernet;

import java.util.function.Consumer;

/** A way to receive Tradernet's live session lists: plain WebSocket or socket.io. */
public interface FeedTransport {

    /**
     * Connects with the SID; blocks until connected. Nothing is received before {@link Connection#subscribe()}.
     *
     * @throws TradernetException when the connection cannot be opened
     */
    Connection connect(TradernetCredentials credentials, Consumer<FeedEvent> onEvent);

    interface Connection extends AutoCloseable {

        /** Asks for the session lists; the server answers with the full list now and on every change. */
        void subscribe();

        /** Completes, with the reason, when the connection is gone. */
        java.util.concurrent.CompletableFuture<String> closed();

        /** Blocks until the connection is gone, and says why. */
        default String awaitClosed() throws InterruptedException {
            try {
                return closed().get();
            } catch (java.util.concurrent.ExecutionException e) {
                return "connection failed";
            }
        }

        @Override
        void close();
    }
}
