package io.sessionflow.testing;

import io.sessionflow.observe.OperationsHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The operations server of a pipeline under test: a free loopback port, and plain GETs against it. */
public record ObservePort(int port) {
    private static final Duration ANSWER = Duration.ofSeconds(30);

    public static ObservePort free() {
        try (ServerSocket s = new ServerSocket(0)) {
            return new ObservePort(s.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public HttpResponse<String> get(String path) {
        try {
            return OperationsHttp.get(URI.create("http://127.0.0.1:" + port + path), ANSWER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
