package io.sessionflow.source.tradernet;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionflow.source.Json;
import io.sessionflow.source.http.LogSafe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The plain WebSocket feed over the JDK client: send {@code ["sessions"]}, receive {@code ["sessions", [...]]}
 * and {@code ["error", {...}]}. The SID goes in a Cookie header, never in the URL (URLs end up in logs).
 */
public final class WebSocketTransport implements FeedTransport {
    private final URI url;
    private final HttpClient http;
    private final Duration timeout;
    private final int maxMessageChars;

    /** @param maxMessageChars a larger feed message is refused and the connection dropped, so heap stays bounded */
    public WebSocketTransport(URI url, HttpClient http, Duration timeout, int maxMessageChars) {
        this.url = url;
        this.http = http;
        this.timeout = timeout;
        this.maxMessageChars = maxMessageChars;
    }

    @Override
    public Connection connect(TradernetCredentials credentials, Consumer<FeedEvent> onEvent) {
        Listener listener = new Listener(onEvent, maxMessageChars);
        try {
            WebSocket socket = http.newWebSocketBuilder().connectTimeout(timeout)
                    .header("Cookie", "SID=" + credentials.sid())
                    .buildAsync(url, listener).get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            return new WsConnection(socket, listener.closed);
        } catch (ExecutionException e) {
            throw new TradernetException("Tradernet feed " + url + " refused the connection: "
                    + e.getCause().getClass().getSimpleName());
        } catch (TimeoutException e) {
            throw new TradernetException("Tradernet feed " + url + " did not answer within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TradernetException("connecting to the Tradernet feed was interrupted");
        }
    }

    /** Reads one text message at a time (fragments joined) and turns it into a {@link FeedEvent}. */
    static FeedEvent read(String text) {
        JsonNode message;
        try {
            message = Json.mapper().readTree(text);
        } catch (Exception e) {
            return new FeedEvent.Unreadable(text, "feed message is not JSON");
        }
        if (message == null || !message.isArray() || message.size() < 1) {
            return new FeedEvent.Unreadable(text, "feed message is not an [event, data] array");
        }
        String event = message.get(0).asText();
        JsonNode data = message.get(1);
        return switch (event) {
            case "sessions" -> data != null && data.isArray() ? new FeedEvent.Sessions(text, data)
                    : new FeedEvent.Unreadable(text, "'sessions' message without a session list");
            case "error" -> new FeedEvent.Error(text, data == null ? "(no detail)" : data.toString());
            default -> new FeedEvent.Unreadable(text, "unknown feed event '" + LogSafe.of(event) + "'");
        };
    }

    private static final class Listener implements WebSocket.Listener {
        private static final int KEPT_OF_REFUSED = 2000;
        private final Consumer<FeedEvent> onEvent;
        private final int maxChars;
        private final CompletableFuture<String> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        Listener(Consumer<FeedEvent> onEvent, int maxChars) {
            this.onEvent = onEvent;
            this.maxChars = maxChars;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            if (closed.isDone()) {
                return null;
            }
            if (partial.length() + data.length() > maxChars) {
                // the rest of this message cannot be skipped on a WebSocket: drop the connection; the feed
                // reconnects and takes an HTTP snapshot, so nothing the message carried is lost
                partial.append(data, 0, Math.max(0, Math.min(data.length(), KEPT_OF_REFUSED - partial.length())));
                String kept = partial.substring(0, Math.min(partial.length(), KEPT_OF_REFUSED));
                partial.setLength(0);
                onEvent.accept(new FeedEvent.Unreadable(kept, "feed message larger than " + maxChars
                        + " characters refused (first " + kept.length() + " kept); connection dropped"));
                closed.complete("feed message too large");
                socket.abort();
                return null;
            }
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                onEvent.accept(read(text));
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closed.complete(
                    "closed by the server (" + statusCode + (reason.isEmpty() ? "" : " " + LogSafe.of(reason)) + ")");
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            closed.complete("connection failed: " + error.getClass().getSimpleName());
        }
    }

    private record WsConnection(WebSocket socket, CompletableFuture<String> closed) implements Connection {

        @Override
        public void subscribe() {
            socket.sendText("[\"sessions\"]", true);
        }

        @Override
        public void close() {
            closed.complete("closed by Sessionflow");
            socket.abort();
        }
    }
}
