package io.sessionflow.source.http;

/**
 * HTTP to one vendor under the shared fault policy ({@link FaultGuard}): network errors and 5xx retried,
 * 429 Retry-After honoured, other 4xx reported at once.
 */
public final class ResilientVendorHttp implements VendorHttp {
    private final VendorHttp delegate;
    private final FaultGuard guard;

    public ResilientVendorHttp(VendorHttp delegate, FaultGuard guard) {
        this.delegate = delegate;
        this.guard = guard;
    }

    public CircuitBreaker breaker() {
        return guard.breaker();
    }

    @Override
    public String endpointOf(HttpCall call) {
        return delegate.endpointOf(call);
    }

    @Override
    public HttpReply send(HttpCall call) {
        return guard.call(call.describe(), () -> delegate.send(call), e -> e instanceof VendorCallException v
                ? VendorFailure.ofHttp(v) : VendorFailure.FINAL);
    }
}
