package io.sessionflow.source.http;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.UnitOfWork;
import org.apache.camel.support.PluginHelper;

/**
 * {@link VendorHttp} over camel-http: one endpoint per vendor base URL; path, query and method travel as
 * Camel headers, so nothing from a payload ever becomes an endpoint URI.
 */
public final class CamelVendorHttp implements VendorHttp {
    private final String system;
    private final String endpointUri;
    private final ProducerTemplate template;
    private final int maxBodyBytes;
    private final String userAgent;
    private final java.time.Duration timeout;

    /**
     * @param tlsBean the registry name of the vendor TLS settings (a custom truststore), or null for the JVM's
     *                trusted CAs; certificates and host names are verified either way
     */
    public CamelVendorHttp(String system, String baseUrl, int timeoutMillis, int maxBodyBytes, String tlsBean,
                           String userAgent, ProducerTemplate template) {
        this.system = system;
        this.userAgent = userAgent;
        this.maxBodyBytes = maxBodyBytes;
        this.timeout = java.time.Duration.ofMillis(timeoutMillis);
        this.template = template;
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.endpointUri = base + "?throwExceptionOnFailure=false"
                + "&connectTimeout=" + timeoutMillis + "&responseTimeout=" + timeoutMillis
                + "&connectionRequestTimeout=" + timeoutMillis + "&followRedirects=false"
                // the body stays a stream, read below with our bound: Camel's stream cache would first copy a body
                // of any size (or a gzip bomb's inflated bytes) into memory
                + "&disableStreamCache=true"
                // camel-http turns any URL with TLS parameters into https, so a plain http one gets none
                + (tlsBean == null || !base.startsWith("https:") ? "" : "&sslContextParameters=#" + tlsBean);
    }

    @Override
    public HttpReply send(HttpCall call) {
        Exchange reply = template.getCamelContext().getEndpoint(endpointUri).createExchange();
        prepare(reply.getIn(), call);
        // our own unit of work: camel-http closes the response when it is done, so it must not be done
        // (as the template's own would be) before the body stream has been read below
        UnitOfWork unitOfWork = PluginHelper.getUnitOfWorkFactory(reply.getContext()).createUnitOfWork(reply);
        reply.getExchangeExtension().setUnitOfWork(unitOfWork);
        long start = System.nanoTime();
        try {
            template.send(endpointUri, reply);
            return answer(reply, call, start);
        } finally {
            unitOfWork.done(reply);
        }
    }

    private HttpReply answer(Exchange reply, HttpCall call, long start) {
        Exception failure = reply.getException();
        if (failure instanceof javax.net.ssl.SSLException) {
            // said first, since the request description is long and log lines are cut at a bounded length
            throw new VendorCallException(system + " " + VendorTls.refusal(failure.getMessage()), 0, null, failure);
        }
        if (failure != null) {
            throw new VendorCallException(system + " " + call.describe() + " failed: "
                    + LogSafe.of(failure.getMessage()), 0, null, failure);
        }
        Message out = reply.getMessage();
        int status = out.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        Map<String, String> headers = new LinkedHashMap<>();
        out.getHeaders().forEach((k, v) -> {
            if (v instanceof String s) {
                headers.put(k, s);
            }
        });
        HttpReply result = new HttpReply(status, headers, readBounded(out, call, start));
        if (!result.isSuccess()) {
            throw new VendorCallException(system + " " + call.describe() + " answered HTTP " + status + ": "
                    + LogSafe.of(result.text()), status, result.header("Retry-After"), null, result.body());
        }
        return result;
    }

    private void prepare(Message in, HttpCall call) {
        in.setHeader(Exchange.HTTP_METHOD, call.method());
        // we decode gzip ourselves, within the body bound (readBounded)
        in.getExchange().setProperty(Exchange.SKIP_GZIP_ENCODING, true);
        in.setHeader(Exchange.HTTP_PATH, call.path());
        String query = call.queryString();
        if (!query.isEmpty()) {
            in.setHeader(Exchange.HTTP_QUERY, query);
        }
        call.headers().forEach(in::setHeader);
        in.setHeader("Accept", "application/json");
        in.setHeader("User-Agent", userAgent);
        if (call.body() != null) {
            in.setHeader(Exchange.CONTENT_TYPE, call.contentType());
            in.setBody(call.body());
        }
    }

    /**
     * The body, decoded (gzip) and cut at the bound, and whole within the timeout of the call. The HTTP client and
     * Camel decode nothing themselves (see application.properties and {@link #prepare}), so the bound counts inflated
     * bytes and a refused body's connection can be dropped instead of being read to its end.
     */
    private byte[] readBounded(Message out, HttpCall call, long start) {
        InputStream raw = out.getBody() == null ? null : out.getBody(InputStream.class);
        if (raw == null) {
            return new byte[0];
        }
        try {
            InputStream in = decoded(WholeAnswer.body(raw, start, timeout), out.getHeader("Content-Encoding",
                    String.class), call);
            byte[] bytes = in.readNBytes(maxBodyBytes + 1);
            if (bytes.length > maxBodyBytes) {
                abort(raw);
                throw new VendorCallException(system + " " + call.describe() + " answered more than "
                        + maxBodyBytes + " bytes; refusing the body", 0, null, null);
            }
            in.close();
            return bytes;
        } catch (java.io.IOException e) {
            abort(raw);
            throw new VendorCallException(system + " " + call.describe() + " body could not be read: "
                    + LogSafe.of(e.getMessage()), 0, null, e);
        }
    }

    private InputStream decoded(InputStream raw, String contentEncoding, HttpCall call) throws java.io.IOException {
        if (contentEncoding == null || contentEncoding.isBlank() || contentEncoding.equalsIgnoreCase("identity")) {
            return raw;
        }
        if (contentEncoding.equalsIgnoreCase("gzip") || contentEncoding.equalsIgnoreCase("x-gzip")) {
            return new java.util.zip.GZIPInputStream(raw, 8192);
        }
        abort(raw);
        throw new VendorCallException(system + " " + call.describe() + " answered in Content-Encoding '"
                + LogSafe.of(contentEncoding) + "', which is not supported", 0, null, null);
    }

    /** Drops the connection: closing the stream would read the rest of the body, however long, to reuse it. */
    private static void abort(InputStream raw) {
        try {
            if (raw instanceof org.apache.hc.core5.http.io.EofSensorInputStream response) {
                response.abort();
            } else {
                raw.close();
            }
        } catch (java.io.IOException ignored) {
            // the body was refused already; nothing more to say about it
        }
    }
}
