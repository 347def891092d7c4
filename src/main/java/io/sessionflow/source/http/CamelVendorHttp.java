package io.sessionflow.source.http;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;

/**
 * {@link VendorHttp} over camel-http: one endpoint per vendor base URL; path, query and method travel as
 * Camel headers, so nothing from a payload ever becomes an endpoint URI.
 */
public final class CamelVendorHttp implements VendorHttp {
    private final String system;
    private final String endpointUri;
    private final ProducerTemplate template;
    private final int maxBodyBytes;

    public CamelVendorHttp(String system, String baseUrl, int timeoutMillis, int maxBodyBytes,
                           ProducerTemplate template) {
        this.system = system;
        this.maxBodyBytes = maxBodyBytes;
        this.template = template;
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.endpointUri = base + "?throwExceptionOnFailure=false"
                + "&connectTimeout=" + timeoutMillis + "&responseTimeout=" + timeoutMillis
                + "&connectionRequestTimeout=" + timeoutMillis + "&followRedirects=false";
    }

    @Override
    public HttpReply send(HttpCall call) {
        Exchange reply = template.send(endpointUri, exchange -> prepare(exchange.getIn(), call));
        if (reply.getException() != null) {
            throw new VendorCallException(system + " " + call.describe() + " failed: "
                    + LogSafe.of(reply.getException().getMessage()), 0, null, reply.getException());
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
