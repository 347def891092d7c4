package io.sessionflow.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback for simulated vendors: each simulator answers {@link Request}s with
 * {@link Response}s. Counts requests so tests can assert what the pipeline asked.
 */
public final class SimulatedHttpServer implements AutoCloseable {
    private final HttpServer server;
    private final String basePath;
    private final AtomicInteger requests = new AtomicInteger();
    private final java.util.Deque<Fault> faults = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private final List<Seen> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    private final java.util.Deque<RawAnswer> rawAnswers = new java.util.concurrent.ConcurrentLinkedDeque<>();
    /** Paths below the base path that answer given statuses (0: the real answer), the last one until healed. */
    private final Map<String, java.util.Deque<Integer>> pathStatuses = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Map<String, String> extraHeaders = Map.of();
    private volatile boolean dropUpgrades;
    private final AtomicInteger droppedUpgrades = new AtomicInteger();

    /**
     * A hostile answer for the next request, written as it comes (chunked, no length): e.g. an endless body
     * or a gzip bomb.
     */
    public record RawAnswer(int status, Map<String, String> headers, BodyWriter body) {
        /** A 200 whose body is {@code bytes} spaces, one every {@code every}: each read is quick, the whole is not. */
        public static RawAnswer byteAtATime(String contentType, int bytes, java.time.Duration every) {
            return new RawAnswer(200, Map.of("Content-Type", contentType), out -> {
                for (int i = 0; i < bytes; i++) {
                    out.write(' ');
                    out.flush();
                    sleep(every.toMillis());
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                }
            });
        }
    }

    public interface BodyWriter {
        void write(java.io.OutputStream out) throws IOException;
    }

    /**
     * A misbehaviour for the next request: an error status with headers (e.g. 429 and Retry-After), or, with
     * status 0, the real answer whose body is held back {@code bodyDelayMillis} (a slow body).
     */
    public record Fault(int status, Map<String, String> headers, long bodyDelayMillis) {
        public static Fault status(int status) {
            return new Fault(status, Map.of(), 0);
        }

        public static Fault tooManyRequests(String retryAfter) {
            return new Fault(429, Map.of("Retry-After", retryAfter), 0);
        }

        public static Fault slowBody(long millis) {
            return new Fault(0, Map.of(), millis);
        }
    }

    /** A request as it arrived: when, its path and query, and who said they were asking (User-Agent). */
    public record Seen(java.time.Instant at, String path, String agent) {
    }

    /** What a simulator needs of a request: method, path below the base path, query, headers, body. */
    public record Request(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
                          byte[] body) {
        public String param(String name) {
            List<String> v = query.get(name);
            return v == null || v.isEmpty() ? null : v.get(0);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
        public static Response json(int status, String json) {
            return new Response(status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8),
                    Map.of());
        }

        public static Response empty(int status) {
            return new Response(status, "text/plain", new byte[0], Map.of());
        }
    }

    public interface Handler {
        Response handle(Request request);
    }

    public SimulatedHttpServer(String basePath, Handler handler) {
        this(basePath, handler, null);
    }

    /** @param tls the server's certificate and key: HTTPS on loopback; null for plain HTTP */
    public SimulatedHttpServer(String basePath, Handler handler, javax.net.ssl.SSLContext tls) {
        this.basePath = basePath;
        try {
            InetSocketAddress loopback = new InetSocketAddress("127.0.0.1", 0);
            if (tls == null) {
                server = HttpServer.create(loopback, 0);
            } else {
                com.sun.net.httpserver.HttpsServer https = com.sun.net.httpserver.HttpsServer.create(loopback, 0);
                https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls));
                server = https;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a loopback port for a simulator", e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "simulator-" + basePath);
            t.setDaemon(true);
            return t;
        }));
        server.createContext(basePath.isEmpty() ? "/" : basePath, exchange -> serve(exchange, handler));
        server.start();
    }

    public String baseUrl() {
        return (server instanceof com.sun.net.httpserver.HttpsServer ? "https" : "http") + "://127.0.0.1:"
                + server.getAddress().getPort() + basePath;
    }

    public int requestCount() {
        return requests.get();
    }

    /** Faults are served in order, one per request, before normal answers resume. */
    public void inject(Fault... next) {
        faults.addAll(List.of(next));
    }

    /**
     * From now on the requests for this path (below the base path, without query; e.g. {@code /eventsessions/6780}) are
     * answered with these statuses in turn, the last one every time after, until {@link #heal}: one bad resource while
     * the rest answer. Status 0 is the real answer.
     */
    public void answerPath(String path, int... statuses) {
        java.util.Deque<Integer> turns = new java.util.concurrent.ConcurrentLinkedDeque<>();
        for (int s : statuses) {
            turns.add(s);
        }
        pathStatuses.put(path, turns);
    }

    /** The path answers normally again. */
    public void heal(String path) {
        pathStatuses.remove(path);
    }

    /** The status a request for {@code path} is to be answered with instead of the real answer, or null. */
    private Integer statusFor(String path) {
        java.util.Deque<Integer> turns = pathStatuses.get(path);
        if (turns == null) {
            return null;
        }
        synchronized (turns) {
            Integer status = turns.size() > 1 ? turns.poll() : turns.peek();
            return status == null || status == 0 ? null : status;
        }
    }

    /** Raw answers are served in order, one per request, before normal answers resume. */
    public void injectRaw(RawAnswer... next) {
        rawAnswers.addAll(List.of(next));
    }

    /**
     * From now on, a request asking to upgrade its connection to anything but a WebSocket (an h2c upgrade) is
     * dropped unanswered, as a server serving WebSocket or socket.io on the same port does.
     */
    public void dropUpgradeRequests() {
        dropUpgrades = true;
    }

    /** Requests dropped because they asked for an upgrade. */
    public int droppedUpgradeRequests() {
        return droppedUpgrades.get();
    }

    /** Headers added to every answer from now on (a vendor that sends headers it should not). */
    public void addHeadersToEveryAnswer(Map<String, String> headers) {
        extraHeaders = Map.copyOf(headers);
    }

    /** The raw path and query of each request as it arrived on the wire, in order. */
    public List<String> requestPaths() {
        return requests().stream().map(Seen::path).toList();
    }

    /** Every request so far, in order of arrival. */
    public List<Seen> requests() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    /** When each request arrived, in order. */
    public List<java.time.Instant> requestTimes() {
        return requests().stream().map(Seen::at).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void serve(HttpExchange exchange, Handler handler) throws IOException {
        String upgrade = exchange.getRequestHeaders().getFirst("Upgrade");
        if (dropUpgrades && upgrade != null && !upgrade.equalsIgnoreCase("websocket")) {
            droppedUpgrades.incrementAndGet();
            exchange.close(); // nothing was answered: the server closes the connection
            return;
        }
        requests.incrementAndGet();
        java.net.URI uri = exchange.getRequestURI();
        seen.add(new Seen(java.time.Instant.now(), uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?"
                + uri.getRawQuery()), exchange.getRequestHeaders().getFirst("User-Agent")));
        RawAnswer raw = rawAnswers.poll();
        if (raw != null) {
            try (exchange) {
                raw.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                exchange.sendResponseHeaders(raw.status(), 0);
                raw.body().write(exchange.getResponseBody());
            } catch (IOException e) {
                // the client hung up on a body it refused: that is the point of a hostile answer
            }
            return;
        }
        Fault fault = faults.poll();
        try (exchange) {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
            String path = exchange.getRequestURI().getRawPath().substring(basePath.length());
            Request request = new Request(exchange.getRequestMethod(), path,
                    query(exchange.getRequestURI().getRawQuery()), headers, exchange.getRequestBody().readAllBytes());
            Response response;
            Integer failing = statusFor(path);
            try {
                response = failing != null ? Response.json(failing, "{\"error\":\"injected fault for this path\"}")
                        : fault != null && fault.status() > 0
                        ? new Response(fault.status(), "application/json", "{\"error\":\"injected fault\"}"
                                .getBytes(StandardCharsets.UTF_8), fault.headers())
                        : handler.handle(request);
            } catch (RuntimeException e) {
                response = Response.json(500, "{\"error\":\"simulator failure\"}");
            }
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            extraHeaders.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().add("Content-Type", response.contentType());
            exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
            if (fault != null && fault.bodyDelayMillis() > 0) {
                exchange.getResponseBody().flush();
                sleep(fault.bodyDelayMillis());
            }
            if (response.body().length > 0) {
                exchange.getResponseBody().write(response.body());
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }
}
