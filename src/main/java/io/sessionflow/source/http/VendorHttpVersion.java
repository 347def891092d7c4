package io.sessionflow.source.http;

import java.net.http.HttpClient;

/**
 * HTTP/1.1 to vendors unless TLS negotiates HTTP/2 (ALPN). On a plain {@code http://} URL the JDK client, left at
 * HTTP/2, first asks for an h2c upgrade; a server that serves WebSocket or socket.io on the same port drops such a
 * request, and the call never completes. camel-http (Apache HttpClient 5 classic) speaks HTTP/1.1 only.
 */
public final class VendorHttpVersion {
    private VendorHttpVersion() {
    }

    /** For a JDK {@link HttpClient} (Tradernet's login and snapshot; its WebSocket handshake is HTTP/1.1 anyway). */
    public static HttpClient.Version of(String url) {
        return isTls(url) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1;
    }

    private static boolean isTls(String url) {
        return url.regionMatches(true, 0, "https:", 0, 6);
    }
}
