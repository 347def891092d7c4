package io.sessionflow.source.tradernet;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionflow.source.Json;
import io.sessionflow.source.UnmappableRecordException;
import io.sessionflow.source.http.LogSafe;
import io.sessionflow.source.http.VendorSpans;
import io.sessionflow.source.http.VendorTls;
import io.sessionflow.source.http.WholeAnswer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Tradernet's HTTP API: login ({@code check-login-password}) and the {@code getSecuritySessions} snapshot.
 * A JDK client rather than camel-http: the SID travels in the query of every command and in a Set-Cookie
 * answer, and this class alone decides what of that may reach a log line (nothing).
 */
public final class TradernetApi {
    static final String SNAPSHOT_ENDPOINT = "GET /?q={\"cmd\":\"getSecuritySessions\"}";
    private final String apiUrl;
    private final HttpClient http;
    private final Duration timeout;
    private final String userAgent;
    private final VendorSpans spans;

    public TradernetApi(String apiUrl, HttpClient http, Duration timeout, String userAgent) {
        this(apiUrl, http, timeout, userAgent, VendorSpans.NONE);
    }

    public TradernetApi(String apiUrl, HttpClient http, Duration timeout, String userAgent, VendorSpans spans) {
        this.userAgent = userAgent;
        this.apiUrl = apiUrl;
        this.http = http;
        this.timeout = timeout;
        this.spans = spans;
    }

    /** @throws TradernetException when the answer has an {@code error} or no SID cookie */
    public TradernetCredentials login(String login, String password) {
        String form = "login=" + encode(login) + "&password=" + encode(password) + "&rememberMe=1";
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + "/check-login-password"))
                .timeout(timeout)
                .header("User-Agent", userAgent)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<byte[]> response = send(request, "login");
        JsonNode answer = parse(response.body(), "login answer");
        if (answer.hasNonNull("error")) {
            throw new TradernetException("Tradernet login for '" + LogSafe.of(login) + "' refused: "
                    + LogSafe.of(redact(answer.get("error").asText(), password)));
        }
        if (response.statusCode() / 100 != 2) {
            throw new TradernetException("Tradernet login answered HTTP " + response.statusCode());
        }
        String sid = null;
        for (String cookie : response.headers().allValues("set-cookie")) {
            String pair = cookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                String name = pair.substring(0, eq).strip();
                String value = pair.substring(eq + 1).strip();
                if (name.equals("SID")) {
                    sid = value;
                }
            }
        }
        if (sid == null || sid.isEmpty()) {
            throw new TradernetException("Tradernet login for '" + LogSafe.of(login) + "' answered no SID cookie");
        }
        return new TradernetCredentials(sid);
    }

    /**
     * The open security sessions now, as the raw body (a JSON array).
     *
     * @throws TradernetException on an {@code errMsg} answer (e.g. the SID stopped working) or a transport failure
     */
    public byte[] securitySessions(TradernetCredentials credentials) {
        String q = "{\"cmd\":\"getSecuritySessions\",\"SID\":" + Json.mapper().valueToTree(credentials.sid())
                + ",\"params\":{}}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + "/?q=" + encode(q)))
                .timeout(timeout).header("User-Agent", userAgent).header("Accept", "application/json").GET().build();
        HttpResponse<byte[]> response = send(request, "getSecuritySessions");
        JsonNode answer = parse(response.body(), "getSecuritySessions answer");
        if (answer.isObject() && answer.has("errMsg")) {
            throw new TradernetException("Tradernet getSecuritySessions failed: "
                    + LogSafe.of(redact(answer.get("errMsg").asText(), credentials.sid()))
                    + " (code " + LogSafe.of(Json.text(answer, "code")) + ")");
        }
        if (response.statusCode() / 100 != 2 || !answer.isArray()) {
            throw new TradernetException("Tradernet getSecuritySessions answered HTTP " + response.statusCode()
                    + (answer.isArray() ? "" : " without a session list"));
        }
        return response.body();
    }

    /** One span per request, named by what it does: the request URI carries the SID, so it is not an attribute. */
    private HttpResponse<byte[]> send(HttpRequest request, String what) {
        io.opentelemetry.api.trace.Span span = spans.start(TradernetModule.SYSTEM.id(), what, 0);
        try (io.opentelemetry.context.Scope scope = span.makeCurrent()) {
            return sendNow(request, what);
        } catch (RuntimeException e) {
            VendorSpans.failed(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    private HttpResponse<byte[]> sendNow(HttpRequest request, String what) {
        try {
            return WholeAnswer.within(timeout, http, request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (javax.net.ssl.SSLException e) {
            // a handshake message names no URI (the SID travels in it), so it can be said
            throw new TradernetException("Tradernet " + what + " failed: " + VendorTls.refusal(e.getMessage()));
        } catch (IOException e) {
            // the exception text may name the request URI, which carries the SID: say only what failed
            throw new TradernetException("Tradernet " + what + " failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TradernetException("Tradernet " + what + " interrupted");
        }
    }

    private static JsonNode parse(byte[] body, String what) {
        try {
            return Json.parse(body, "Tradernet " + what);
        } catch (UnmappableRecordException e) {
            throw new TradernetException(e.getMessage());
        }
    }

    static String redact(String text, String secret) {
        return text == null || secret == null || secret.isEmpty() ? text : text.replace(secret, "***");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
