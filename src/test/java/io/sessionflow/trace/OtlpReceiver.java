package io.sessionflow.trace;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OTLP/HTTP trace receiver on loopback: accepts what an exporter POSTs to /v1/traces (protobuf) and keeps the
 * bodies; answers an empty ExportTraceServiceResponse, which is zero bytes in protobuf.
 */
final class OtlpReceiver implements AutoCloseable {
    private final HttpServer server;
    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();

    OtlpReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/traces", exchange -> {
            try (exchange) {
                bodies.add(exchange.getRequestBody().readAllBytes());
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
            }
        });
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every export request so far, as one byte sequence: span names and ids are plain bytes in protobuf. */
    byte[] received() {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        bodies.forEach(all::writeBytes);
        return all.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
