package io.sessionflow.source.tradernet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sessionflow.demo.ServerCertificate;
import io.sessionflow.demo.SimulatedHttpServer;
import io.sessionflow.source.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Simulated Tradernet on loopback: login ({@code POST /api/check-login-password}), {@code GET /api/?q=}
 * getSecuritySessions, the plain WebSocket feed and the socket.io feed. Tests can drop every feed connection,
 * invalidate the SIDs handed out, or make the account answer errors.
 */
public final class TradernetSimulator implements AutoCloseable {
    private final TradernetWorld world;
    private final String login;
    private final String password;
    private final Set<String> validSids = ConcurrentHashMap.newKeySet();
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicInteger snapshots = new AtomicInteger();
    private final SimulatedHttpServer http;
    private final TradernetWebSocketServer websocket;
    private final ServerCertificate tls;
    /** Started when first asked for: most worlds are never served over socket.io, and its server takes ~4 s to stop. */
    private TradernetSocketIoServer socketIo;
    private final List<String> issuedSids = new CopyOnWriteArrayList<>();
    private volatile String accountError;
    private volatile String feedError;

    public TradernetSimulator(TradernetWorld world, String login, String password) {
        this(world, login, password, null);
    }

    /** @param tls served over HTTPS, WSS and socket.io over TLS with this certificate; null for plain */
    public TradernetSimulator(TradernetWorld world, String login, String password, ServerCertificate tls) {
        this.world = world;
        this.login = login;
        this.password = password;
        this.http = new SimulatedHttpServer("/api", this::handle, tls == null ? null : tls.context());
        this.websocket = new TradernetWebSocketServer(this, tls);
        this.tls = tls;
        world.onChange(websocket::broadcast);
        world.onChange(() -> socketIoIfStarted().ifPresent(TradernetSocketIoServer::broadcast));
    }

    public String apiUrl() {
        return http.baseUrl();
    }

    public String webSocketUrl() {
        return websocket.url();
    }

    public String socketIoUrl() {
        return socketIo().url();
    }

    /** Closes every feed connection, as a vendor restart or a network blip would. */
    public void dropConnections() {
        websocket.dropAll();
        socketIoIfStarted().ifPresent(TradernetSocketIoServer::dropAll);
    }

    /** Every SID handed out so far stops working (the vendor expired them). */
    public void invalidateSids() {
        validSids.clear();
    }

    /** Non-null: the account answers this error everywhere (feed and API); null: back to normal. */
    public void failAccount(String errMsg) {
        accountError = errMsg;
    }

    /** Non-null: the feed (only) answers {@code ["error", {errMsg}]} instead of sessions; null: back to normal. */
    public void failFeed(String errMsg) {
        feedError = errMsg;
    }

    /** A raw feed message to every subscriber of the WebSocket feed, e.g. an oversized one. */
    public void sendRawFeedMessage(String text) {
        websocket.sendToAll(text);
    }

    /** A socket.io feed message without an error, carrying {@code data} (JSON) as given, to every subscriber. */
    public void sendRawSocketIoData(String data) {
        socketIo().sendToAll(data);
    }

    /** Every SID ever handed out, so a test can look for them in logs. */
    /** Drops HTTP requests that ask for an h2c upgrade, as a server with the feed on the same port does. */
    public void dropUpgradeRequests() {
        http.dropUpgradeRequests();
    }

    public int droppedUpgradeRequests() {
        return http.droppedUpgradeRequests();
    }

    public List<String> issuedSids() {
        return List.copyOf(issuedSids);
    }

    /** Its HTTP side (login, snapshots): every request, with who asked. */
    public SimulatedHttpServer server() {
        return http;
    }

    public int loginCount() {
        return logins.get();
    }

    public int snapshotCount() {
        return snapshots.get();
    }

    /** Feed connections that subscribed and get every change pushed (a dropped one leaves at once). */
    public int feedSubscribers() {
        return websocket.subscriberCount()
                + socketIoIfStarted().map(TradernetSocketIoServer::subscriberCount).orElse(0);
    }

    private synchronized TradernetSocketIoServer socketIo() {
        if (socketIo == null) {
            socketIo = new TradernetSocketIoServer(this, tls);
        }
        return socketIo;
    }

    private synchronized java.util.Optional<TradernetSocketIoServer> socketIoIfStarted() {
        return java.util.Optional.ofNullable(socketIo);
    }

    TradernetWorld world() {
        return world;
    }

    boolean validSid(String sid) {
        return sid != null && validSids.contains(sid);
    }

    /** What the feed answers instead of sessions, or null when the SID and the account are fine. */
    String feedError(String sid) {
        if (accountError != null || feedError != null) {
            return error(accountError != null ? accountError : feedError, 5);
        }
        return validSid(sid) ? null : error("Bad SID", 401);
    }

    static String sidFromCookie(String cookieHeader) {
        if (cookieHeader == null) {
            return null;
        }
        for (String part : cookieHeader.split(";")) {
            String p = part.strip();
            if (p.startsWith("SID=")) {
                return p.substring(4);
            }
        }
        return null;
    }

    @Override
    public void close() {
        websocket.close();
        socketIoIfStarted().ifPresent(TradernetSocketIoServer::close);
        http.close();
    }

    private SimulatedHttpServer.Response handle(SimulatedHttpServer.Request request) {
        if (request.method().equals("POST") && request.path().equals("/check-login-password")) {
            return login(form(new String(request.body(), StandardCharsets.UTF_8)));
        }
        if (request.method().equals("GET") && (request.path().isEmpty() || request.path().equals("/"))) {
            return command(request.param("q"));
        }
        return SimulatedHttpServer.Response.json(404, "{\"errMsg\":\"Unsupported query method\",\"code\":2}");
    }

    private SimulatedHttpServer.Response login(Map<String, String> form) {
        logins.incrementAndGet();
        if (!login.equals(form.get("login")) || !password.equals(form.get("password"))) {
            return SimulatedHttpServer.Response.json(200, "{\"error\":\"Invalid login or password\"}");
        }
        String sid = UUID.randomUUID().toString().replace("-", "");
        validSids.add(sid);
        issuedSids.add(sid);
        // two Set-Cookie lines: the JDK server folds header names case-insensitively and appends values
        return new SimulatedHttpServer.Response(200, "application/json; charset=utf-8",
                "{\"success\":true}".getBytes(StandardCharsets.UTF_8),
                Map.of("Set-Cookie", "SID=" + sid + "; Path=/; HttpOnly", "set-cookie", "uid=4242; Path=/"));
    }

    private SimulatedHttpServer.Response command(String q) {
        JsonNode query;
        try {
            query = Json.mapper().readTree(q == null ? "" : q);
        } catch (Exception e) {
            return SimulatedHttpServer.Response.json(200, error("Bad query", 1));
        }
        if (query == null || !"getSecuritySessions".equals(Json.text(query, "cmd"))) {
            return SimulatedHttpServer.Response.json(200, error("Unsupported query method", 2));
        }
        if (accountError != null) {
            return SimulatedHttpServer.Response.json(200, error(accountError, 5));
        }
        if (!validSid(Json.text(query, "SID"))) {
            return SimulatedHttpServer.Response.json(200, error("Bad SID", 401));
        }
        snapshots.incrementAndGet();
        return SimulatedHttpServer.Response.json(200, world.json());
    }

    private static String error(String message, int code) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("errMsg", message);
        o.put("code", code);
        return o.toString();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
