package io.sessionflow.source.tradernet;

import io.sessionflow.demo.ServerCertificate;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/** The simulated plain WebSocket feed: {@code ["sessions"]} subscribes; the full list is pushed on every change. */
final class TradernetWebSocketServer {
    private final TradernetSimulator vendor;
    private final Set<WebSocket> subscribers = ConcurrentHashMap.newKeySet();
    private final CountDownLatch started = new CountDownLatch(1);
    private final Server server;

    private final boolean secure;

    TradernetWebSocketServer(TradernetSimulator vendor, ServerCertificate tls) {
        this.vendor = vendor;
        this.server = new Server();
        this.secure = tls != null;
        if (secure) {
            server.setWebSocketFactory(new org.java_websocket.server.DefaultSSLWebSocketServerFactory(tls.context()));
        }
        server.setReuseAddr(true);
        server.setDaemon(true);
        server.start();
        try {
            if (!started.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("simulated WebSocket feed did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return (secure ? "wss" : "ws") + "://127.0.0.1:" + server.getPort() + "/";
    }

    int subscriberCount() {
        return subscribers.size();
    }

    /** Synchronized with subscribing, so a client never gets an older list after a newer one. */
    synchronized void broadcast() {
        String message = "[\"sessions\"," + vendor.world().json() + "]";
        for (WebSocket s : subscribers) {
            String error = vendor.feedError(s.getAttachment());
            send(s, error == null ? message : "[\"error\"," + error + "]");
        }
    }

    private synchronized void subscribe(WebSocket conn) {
        String error = vendor.feedError(conn.getAttachment());
        if (error != null) {
            send(conn, "[\"error\"," + error + "]");
            return;
        }
        subscribers.add(conn);
        send(conn, "[\"sessions\"," + vendor.world().json() + "]");
    }

    /** Sends a message as it is to every subscriber: for tests of what a misbehaving feed can do. */
    synchronized void sendToAll(String text) {
        subscribers.forEach(s -> send(s, text));
    }

    void dropAll() {
        subscribers.clear();
        server.getConnections().forEach(c -> c.close(1001, "simulated drop"));
    }

    void close() {
        try {
            server.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(WebSocket socket, String text) {
        try {
            socket.send(text);
        } catch (RuntimeException e) {
            // the connection went away between the check and the send: the client reconnects and re-snapshots
        }
    }

    private final class Server extends WebSocketServer {
        Server() {
            super(new InetSocketAddress("127.0.0.1", 0));
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            conn.setAttachment(TradernetSimulator.sidFromCookie(handshake.getFieldValue("Cookie")));
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            subscribers.remove(conn);
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            if (!message.replace(" ", "").equals("[\"sessions\"]")) {
                send(conn, "[\"error\",{\"errMsg\":\"Unsupported message\",\"code\":2}]");
                return;
            }
            subscribe(conn);
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            // a broken client connection: it is gone from the subscribers once closed
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }
}
