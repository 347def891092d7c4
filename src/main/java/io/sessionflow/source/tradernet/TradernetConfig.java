package io.sessionflow.source.tradernet;

import io.sessionflow.config.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/** Tradernet settings, checked once at start so a wrong URL or transport is one clear line. */
public record TradernetConfig(String apiUrl, URI feedUrl, Transport transport, String login, String password,
                              Duration expiryCheckInterval, Duration reconnectInitialDelay,
                              Duration reconnectMaxDelay, Duration httpTimeout) {

    public enum Transport { WEBSOCKET, SOCKETIO }

    public static TradernetConfig from(Settings s) {
        String api = s.string("sessionflow.tradernet.api-url");
        Transport transport = transport(s.string("sessionflow.tradernet.transport"));
        return new TradernetConfig(api.endsWith("/") ? api.substring(0, api.length() - 1) : api,
                feedUrl(s.required("sessionflow.tradernet.ws-url", "when SESSIONFLOW_TRADERNET_API_URL is set"), transport),
                transport,
                s.required("sessionflow.tradernet.login", "when SESSIONFLOW_TRADERNET_API_URL is set"),
                s.required("sessionflow.tradernet.password", "when SESSIONFLOW_TRADERNET_API_URL is set"),
                positive(s, "sessionflow.tradernet.expiry-check-interval"),
                positive(s, "sessionflow.tradernet.reconnect-initial-delay"),
                positive(s, "sessionflow.tradernet.reconnect-max-delay"),
                s.duration("sessionflow.http.timeout"));
    }

    private static Transport transport(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "websocket", "" -> Transport.WEBSOCKET;
            case "socketio", "socket.io" -> Transport.SOCKETIO;
            default -> throw new IllegalArgumentException("SESSIONFLOW_TRADERNET_TRANSPORT '" + value
                    + "' must be websocket or socketio");
        };
    }

    private static URI feedUrl(String value, Transport transport) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("SESSIONFLOW_TRADERNET_WS_URL is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        boolean ws = scheme.equals("ws") || scheme.equals("wss");
        boolean http = scheme.equals("http") || scheme.equals("https");
        if (uri.getHost() == null || !(ws || transport == Transport.SOCKETIO && http)) {
            throw new IllegalArgumentException("SESSIONFLOW_TRADERNET_WS_URL '" + value + "' must be a ws:// or wss:// URL"
                    + (transport == Transport.SOCKETIO ? " (or http(s):// for socketio)" : "") + " with a host");
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("SESSIONFLOW_TRADERNET_WS_URL must not carry credentials");
        }
        return uri;
    }

    private static Duration positive(Settings s, String key) {
        Duration d = s.duration(key);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(key + " must be longer than zero");
        }
        return d;
    }

    @Override
    public String toString() {
        return "TradernetConfig[apiUrl=" + apiUrl + ", feedUrl=" + feedUrl + ", transport=" + transport
                + ", login=" + login + ", password=***]";
    }
}
