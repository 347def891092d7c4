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

    /**
     * @param tlsBean the registry name of the vendor TLS settings (a custom truststore), or null for the JVM's
     *                trusted CAs; certificates and host names are verified either way
     */
    public CamelVendorHttp(String system, String baseUrl, int timeoutMillis, int maxBodyBytes, String tlsBean,
                           ProducerTemplate template) {
        this.system = system;
        this.maxBodyBytes = maxBodyBytes;
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
        try {
            template.send(endpointUri, reply);
            return answer(reply, call);
        } finally {
            unitOfWork.done(reply);
        }
    }

    private HttpReply answer(Exchange reply, HttpCall call) {
        Exception failure = reply.getException();
        if (failure instanceof javax.net.ssl.SSLException) {
            // said first, since the request description is long and log lines are cut at a bounded length
            throw new VendorCallException(system + " refused the vendor's TLS certificate (not trusted, or not "
                    + "for this host name; a private CA goes in SESSIONFLOW_TLS_TRUSTSTORE): "
                    + LogSafe.of(failure.getMessage()), 0, null, failure);
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
        HttpReply result = new HttpReply(status, headers, readBounded(out, call));
        if (!result.isSuccess()) {
            throw new VendorCallException(system + " " + call.describe() + " answered HTTP " + status + ": "
                    + LogSafe.of(result.text()), status, result.header("Retry-After"), null);
        }
        return result;
    }

    private void prepare(Message in, HttpCall call) {
        in.setHeader(Exchange.HTTP_METHOD, call.method());
        in.setHeader(Exchange.HTTP_PATH, call.path());
        String query = call.queryString();
        if (!query.isEmpty()) {
            in.setHeader(Exchange.HTTP_QUERY, query);
        }
        call.headers().forEach(in::setHeader);
        in.setHeader("Accept", "application/json");
        if (call.body() != null) {
            in.setHeader(Exchange.CONTENT_TYPE, call.contentType());
            in.setBody(call.body());
        }
    }

    private byte[] readBounded(Message out, HttpCall call) {
        Object body = out.getBody();
        if (body == null) {
            return new byte[0];
        }
        try (InputStream in = out.getBody(InputStream.class)) {
            if (in == null) {
                return new byte[0];
            }
            byte[] bytes = in.readNBytes(maxBodyBytes + 1);
            if (bytes.length > maxBodyBytes) {
                throw new VendorCallException(system + " " + call.describe() + " answered more than "
                        + maxBodyBytes + " bytes; refusing the body", 0, null, null);
            }
            return bytes;
        } catch (java.io.IOException e) {
            throw new VendorCallException(system + " " + call.describe() + " body could not be read: "
                    + LogSafe.of(e.getMessage()), 0, null, e);
        }
    }
}
