package io.sessionflow.app;

import io.sessionflow.cluster.RouteOwners;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.kafka.KafkaRefusal;
import io.sessionflow.observe.PollOutcomes;
import io.sessionflow.source.PollBatch;
import io.sessionflow.source.SourceFailures;
import io.sessionflow.source.http.LogSafe;
import java.util.Optional;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One clear log line per failed poll: which route, and what the vendor or the transport said. The account's
 * health check and metrics learn of the failure here too, as they do of a push feed's failures outside its routes.
 */
public final class PollFailures implements SourceFailures {
    private static final Logger LOG = LoggerFactory.getLogger(PollFailures.class);
    private final PollOutcomes outcomes;
    private final RouteOwners owners;
    private final java.util.function.BiConsumer<SourceAccount, String> record;

    /** @param record keeps an account's last failure for the operators' view of the cluster */
    public PollFailures(PollOutcomes outcomes, RouteOwners owners,
                        java.util.function.BiConsumer<SourceAccount, String> record) {
        this.outcomes = outcomes;
        this.owners = owners;
        this.record = record;
    }

    public void log(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause,
                    @ExchangeProperty(Exchange.FAILURE_ROUTE_ID) String routeId, @Body Object body) {
        String error = cause == null ? "unknown error" : KafkaRefusal.line(cause).orElse(cause.getMessage());
        LOG.warn("{} failed, nothing published from this poll; next poll retries: {}", routeId, LogSafe.of(error));
        accountOf(routeId, body).ifPresent(account -> {
            outcomes.failed(account, error);
            record.accept(account, LogSafe.of(error));
        });
    }

    /** A failure outside the account's routes (a push feed's login or connection), already logged by its source. */
    @Override
    public void failed(SourceAccount account, String error) {
        outcomes.failed(account, error);
        record.accept(account, LogSafe.of(error));
    }

    /**
     * A poll failed either in one of its account's routes or while publishing its batch; an operator's own routes
     * belong to no account.
     */
    private Optional<SourceAccount> accountOf(String routeId, Object body) {
        if (body instanceof PollBatch batch) {
            return Optional.of(batch.account());
        }
        return owners.accountOf(routeId);
    }
}
