package io.sessionflow.app;

import io.sessionflow.source.http.LogSafe;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One clear log line per failed poll: which route, and what the vendor or the transport said. */
public final class PollFailures {
    private static final Logger LOG = LoggerFactory.getLogger(PollFailures.class);

    public void log(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause,
                    @ExchangeProperty(Exchange.FAILURE_ROUTE_ID) String routeId) {
        LOG.warn("{} failed, nothing published from this poll; next poll retries: {}", routeId,
                LogSafe.of(cause == null ? "unknown error" : cause.getMessage()));
    }
}
