package io.sessionflow.source.tradernet;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionflow.source.Json;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.time.Duration;
import io.sessionflow.source.http.VendorTls;
import java.util.List;
import java.util.Optional;
import okhttp3.OkHttpClient;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The socket.io feed of the vendor's NodeJS example: connect with the SID (cookie and query), emit
 * {@code sup_subscribe("iitr_notify_sessions_json", login)}, receive {@code sup_iitr_notify_sessions_json(err, data)}
 * with the list in {@code data[0].response.res}. The client's own reconnection is off: {@link TradernetFeed}
 * reconnects, so both transports recover the same way.
 */
public final class SocketIoTransport implements FeedTransport {
    static final String SUBSCRIBE = "sup_subscribe";
    static final String TOPIC = "iitr_notify_sessions_json";
    static final String EVENT = "sup_iitr_notify_sessions_json";
    private final URI url;
    private final String login;
    private final Duration timeout;
    private final Optional<VendorTls.Trust> trust;

    /** @param trust the custom vendor truststore; empty: the JVM's CAs */
    public SocketIoTransport(URI url, String login, Duration timeout, Optional<VendorTls.Trust> trust) {
        this.url = url;
        this.login = login;
        this.timeout = timeout;
        this.trust = trust;
    }

    @Override
    public Connection connect(TradernetCredentials credentials, Consumer<FeedEvent> onEvent) {
        IO.Options options = IO.Options.builder()
                .setReconnection(false)
                .setForceNew(true)
                .setTimeout(timeout.toMillis())
                .setTransports(new String[] {io.socket.engineio.client.transports.WebSocket.NAME})
                .setExtraHeaders(Map.of("Cookie", List.of("SID=" + credentials.sid())))
                // the vendor's example sends the SID both ways; this URL is never logged by Sessionflow
                .setQuery(
                        "SID=" + java.net.URLEncoder.encode(credentials.sid(), java.nio.charset.StandardCharsets.UTF_8))
                .build();
        trust.ifPresent(t -> {
            // socket.io-client speaks through OkHttp, which verifies host names by default
            OkHttpClient client = new OkHttpClient.Builder()
                    .sslSocketFactory(t.context().getSocketFactory(), t.trustManager()).build();
            options.callFactory = client;
            options.webSocketFactory = client;
        });
        Socket socket = IO.socket(url, options);
        CompletableFuture<Void> connected = new CompletableFuture<>();
        CompletableFuture<String> closed = new CompletableFuture<>();
        socket.on(Socket.EVENT_CONNECT, args -> connected.complete(null));
        socket.on(Socket.EVENT_CONNECT_ERROR, args -> {
            connected.completeExceptionally(new TradernetException("Tradernet socket.io feed " + url
                    + " refused the connection"));
            closed.complete("connection failed");
        });
        socket.on(Socket.EVENT_DISCONNECT, args -> closed.complete("disconnected ("
                + (args.length > 0 ? args[0] : "no reason") + ")"));
        socket.on(EVENT, args -> onEvent.accept(read(args)));
        socket.connect();
        try {
            connected.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            socket.close();
            throw (TradernetException) e.getCause();
        } catch (TimeoutException e) {
            socket.close();
            throw new TradernetException("Tradernet socket.io feed " + url + " did not answer within " + timeout);
        } catch (InterruptedException e) {
            socket.close();
            Thread.currentThread().interrupt();
            throw new TradernetException("connecting to the Tradernet socket.io feed was interrupted");
        }
        return new IoConnection(socket, closed, login);
    }

    /**
     * {@code (err, data)}: an error when err is set, else the list at {@code data[0].response.res}; {@code res: null}
     * is "none open" (the vendor's example reads a falsy list so). A message without {@code res} carries no list: it is
     * dead-lettered, never read as an empty one, which would end every open session.
     */
    static FeedEvent read(Object[] args) {
        String err = args.length > 0 ? String.valueOf(args[0]) : "null";
        String data = args.length > 1 ? String.valueOf(args[1]) : "null";
        String raw = "[" + err + "," + data + "]";
        JsonNode message;
        try {
            message = Json.mapper().readTree(raw);
        } catch (Exception e) {
            return new FeedEvent.Unreadable(raw, "socket.io sessions message is not JSON");
        }
        if (!message.get(0).isNull()) {
            return new FeedEvent.Error(raw, message.get(0).toString());
        }
        JsonNode res = message.get(1).path(0).path("response").path("res");
        if (res.isNull()) {
            return new FeedEvent.Sessions(raw, Json.mapper().createArrayNode());
        }
        return res.isArray() ? new FeedEvent.Sessions(raw, res)
                : new FeedEvent.Unreadable(raw, "socket.io sessions message without a list at data[0].response.res");
    }

    private record IoConnection(Socket socket, CompletableFuture<String> closed, String login) implements Connection {

        @Override
        public void subscribe() {
            socket.emit(SUBSCRIBE, TOPIC, login);
        }

        @Override
        public void close() {
            closed.complete("closed by Sessionflow");
            socket.close();
        }
    }
}
