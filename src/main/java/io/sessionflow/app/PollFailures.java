package io.sessionflow.app;

import io.sessionflow.event.SystemId;
import io.sessionflow.kafka.KafkaRefusal;
import io.sessionflow.observe.PollOutcomes;
import io.sessionflow.source.PollBatch;
import io.sessionflow.source.http.LogSafe;
import java.util.Arrays;
import java.util.Optional;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One clear log line per failed poll: which route, and what the vendor or the transport said. The source's
 * health check and metrics learn of the failure here too.
 */
public final class PollFailures {
    private static final Logger LOG = LoggerFactory.getLogger(PollFailures.class);
    private final PollOutcomes outcomes;

    public PollFailures(PollOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    public void log(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause,
                    @ExchangeProperty(Exchange.FAILURE_ROUTE_ID) String routeId, @Body Object body) {
        String error = cause == null ? "unknown error" : KafkaRefusal.line(cause).orElse(cause.getMessage());
        LOG.warn("{} failed, nothing published from this poll; next poll retries: {}", routeId, LogSafe.of(error));
        systemOf(routeId, body).ifPresent(system -> outcomes.failed(system, error));
    }

    /**
     * A poll failed either in its source route ({@code <system>-<transport>-poll}) or while publishing its
     * batch; an operator's own routes belong to no source.
     */
    static Optional<SystemId> systemOf(String routeId, Object body) {
        if (body instanceof PollBatch batch) {
            return Optional.of(batch.system());
        }
        return Arrays.stream(SystemId.values())
                .filter(s -> routeId != null && routeId.startsWith(s.id() + "-")).findFirst();
    }
}
