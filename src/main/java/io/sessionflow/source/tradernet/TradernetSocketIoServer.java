package io.sessionflow.source.tradernet;

import com.corundumstudio.socketio.AuthorizationResult;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.sessionflow.demo.ServerCertificate;
import io.sessionflow.source.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated socket.io feed (netty-socketio, Engine.IO 4): {@code sup_subscribe("iitr_notify_sessions_json", ...)}
 * subscribes; {@code sup_iitr_notify_sessions_json(err, data)} carries the list in {@code data[0].response.res}.
 */
final class TradernetSocketIoServer {
    private static final String EVENT = "sup_iitr_notify_sessions_json";
    private final TradernetSimulator vendor;
    private final Set<SocketIOClient> subscribers = ConcurrentHashMap.newKeySet();
    private final SocketIOServer server;
    private final int port;

    private final boolean secure;

    TradernetSocketIoServer(TradernetSimulator vendor, ServerCertificate tls) {
        this.vendor = vendor;
        this.port = freePort();
        this.secure = tls != null;
        Configuration config = new Configuration();
        config.setHostname("127.0.0.1");
        config.setPort(port);
        if (secure) {
            config.setKeyStore(tls.open());
            config.setKeyStorePassword(tls.password());
            config.setKeyStoreFormat("PKCS12");
        }
        config.setAuthorizationListener(handshake -> AuthorizationResult.SUCCESSFUL_AUTHORIZATION);
        server = new SocketIOServer(config);
        server.addDisconnectListener(subscribers::remove);
        server.addMultiTypeEventListener("sup_subscribe", (client, args, ack) -> {
            Object topic = args.get(0);
            if ("iitr_notify_sessions_json".equals(topic)) {
                subscribe(client);
            }
        }, String.class, String.class);
        server.start();
    }

    String url() {
        return (secure ? "https" : "http") + "://127.0.0.1:" + port;
    }

    int subscriberCount() {
        return subscribers.size();
    }

    synchronized void broadcast() {
        subscribers.forEach(this::push);
    }

    void dropAll() {
        subscribers.clear();
        server.getAllClients().forEach(SocketIOClient::disconnect);
    }

    void close() {
        server.stop();
    }

    private synchronized void subscribe(SocketIOClient client) {
        subscribers.add(client);
        push(client);
    }

    /** Sends {@code sup_iitr_notify_sessions_json(null, data)} with this data to every subscriber, as it is. */
    synchronized void sendToAll(String data) {
        Object noError = null;
        subscribers.forEach(client -> client.sendEvent(EVENT, noError, read(data)));
    }

    private void push(SocketIOClient client) {
        String sid = TradernetSimulator.sidFromCookie(client.getHandshakeData().getHttpHeaders().get("Cookie"));
        String error = vendor.feedError(sid);
        if (error != null) {
            client.sendEvent(EVENT, read(error), null);
            return;
        }
        ArrayNode data = Json.mapper().createArrayNode();
        data.addObject().putObject("response").set("res", read(vendor.world().json()));
        Object noError = null; // typed as Object: a bare null would pick the ack-callback overload
        client.sendEvent(EVENT, noError, data);
    }

    private static JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port for the simulated socket.io feed", e);
        }
    }
}
