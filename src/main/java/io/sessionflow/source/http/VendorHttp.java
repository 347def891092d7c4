package io.sessionflow.source.http;

/** Sends requests to one vendor's base URL; implementations own timeouts and the transport. */
public interface VendorHttp {

    /** @throws VendorCallException on a transport failure or a non-2xx answer */
    HttpReply send(HttpCall call);

    /** Where replies come from, for the raw topic's endpoint header, e.g. {@code GET /eventsessions/6784}. */
    default String endpointOf(HttpCall call) {
        return call.describe();
    }
}
