package io.sessionflow.source.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One request to a vendor, relative to its configured base URL. Path segments are validated and encoded one
 * by one, so a vendor id can never change the host or the path.
 */
public record HttpCall(String method, List<String> segments, List<Map.Entry<String, String>> query,
                       Map<String, String> headers, String contentType, byte[] body) {

    private static final Pattern SAFE_SEGMENT = Pattern.compile("[A-Za-z0-9._~-]{1,128}");

    public static HttpCall get(String... segments) {
        return new HttpCall("GET", List.of(segments), List.of(), Map.of(), null, null);
    }

    public static HttpCall post(String contentType, byte[] body, String... segments) {
        return new HttpCall("POST", List.of(segments), List.of(), Map.of(), contentType, body);
    }

    public HttpCall param(String name, Object value) {
        if (value == null) {
            return this;
        }
        List<Map.Entry<String, String>> q = new ArrayList<>(query);
        q.add(Map.entry(name, String.valueOf(value)));
        return new HttpCall(method, segments, q, headers, contentType, body);
    }

    public HttpCall header(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new HttpCall(method, segments, query, h, contentType, body);
    }

    /**
     * The path below the base URL, each segment checked: ids like {@code ../x}, {@code a?b} or {@code @host} are
     * refused.
     */
    public String path() {
        return segments.stream().map(HttpCall::segment).collect(Collectors.joining("/"));
    }

    public String queryString() {
        return query.stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** For logs and dead letters: the path and query, never the headers (they carry credentials). */
    public String describe() {
        String q = queryString();
        return method + " /" + path() + (q.isEmpty() ? "" : "?" + q);
    }

    /** Whether a vendor value may become one URL path segment as it is (no encoding needed, no dot segments). */
    public static boolean isSafeSegment(String raw) {
        return raw != null && SAFE_SEGMENT.matcher(raw).matches() && !raw.equals(".") && !raw.equals("..");
    }

    private static String segment(String raw) {
        if (!isSafeSegment(raw)) {
            throw new IllegalArgumentException("refusing unsafe URL path segment '" + LogSafe.of(raw) + "'");
        }
        return raw;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%5B", "[").replace("%5D", "]");
    }
}
