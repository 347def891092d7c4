package io.sessionflow.source.tradernet;

import io.sessionflow.config.AccountSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/** One Tradernet account (a login), checked once at start so a wrong URL or transport is one clear line. */
public record TradernetConfig(String apiUrl, URI feedUrl, Transport transport, String login, String password,
                              Duration expiryCheckInterval, Duration reconnectInitialDelay,
                              Duration reconnectMaxDelay, Duration httpTimeout) {

    public enum Transport { WEBSOCKET, SOCKETIO }

    public static TradernetConfig from(AccountSettings s) {
        String api = s.string("api-url");
        String when = "when " + s.name("api-url") + " is set";
        Transport transport = transport(s);
        return new TradernetConfig(api.endsWith("/") ? api.substring(0, api.length() - 1) : api,
                feedUrl(s, s.required("ws-url", when), transport),
                transport,
                s.required("login", when),
                s.required("password", when),
                positive(s, "expiry-check-interval"),
                positive(s, "reconnect-initial-delay"),
                positive(s, "reconnect-max-delay"),
                s.pipeline().duration("sessionflow.http.timeout"));
    }

    private static Transport transport(AccountSettings s) {
        String value = s.string("transport");
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "websocket", "" -> Transport.WEBSOCKET;
            case "socketio", "socket.io" -> Transport.SOCKETIO;
            default -> throw new IllegalArgumentException(s.name("transport") + " '" + value
                    + "' must be websocket or socketio");
        };
    }

    private static URI feedUrl(AccountSettings s, String value, Transport transport) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(s.name("ws-url") + " is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        boolean ws = scheme.equals("ws") || scheme.equals("wss");
        boolean http = scheme.equals("http") || scheme.equals("https");
        if (uri.getHost() == null || !(ws || transport == Transport.SOCKETIO && http)) {
            throw new IllegalArgumentException(s.name("ws-url") + " '" + value + "' must be a ws:// or wss:// URL"
                    + (transport == Transport.SOCKETIO ? " (or http(s):// for socketio)" : "") + " with a host");
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException(s.name("ws-url") + " must not carry credentials");
        }
        return uri;
    }

    private static Duration positive(AccountSettings s, String key) {
        Duration d = s.duration(key);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(s.name(key) + " must be longer than zero");
        }
        return d;
    }

    @Override
    public String toString() {
        return "TradernetConfig[apiUrl=" + apiUrl + ", feedUrl=" + feedUrl + ", transport=" + transport
                + ", login=" + login + ", password=***]";
    }
}
