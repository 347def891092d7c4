package io.sessionflow.demo;

import io.sessionflow.demo.SimulatedHttpServer.Request;
import io.sessionflow.demo.SimulatedHttpServer.Response;
import javax.net.ssl.SSLContext;

/** What every simulated HTTP vendor shares: its loopback server (HTTP or HTTPS), its request count, closing. */
public abstract class SimulatedVendor implements AutoCloseable {
    private final SimulatedHttpServer server;

    /** @param tls the certificate to serve HTTPS with; null for plain HTTP */
    protected SimulatedVendor(String basePath, SSLContext tls) {
        // handle() runs only for requests, which can come only after the caller learned the address
        this.server = new SimulatedHttpServer(basePath, this::handle, tls);
    }

    protected abstract Response handle(Request request);

    /** Where the vendor's API starts: {@code http(s)://127.0.0.1:<port><basePath>}. */
    protected String address() {
        return server.baseUrl();
    }

    public int requestCount() {
        return server.requestCount();
    }

    /** The HTTP server, for fault injection, hostile answers and request timing in tests. */
    public SimulatedHttpServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
