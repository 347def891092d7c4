package io.sessionflow.observe;

import io.sessionflow.event.SourceAccount;
import io.sessionflow.source.PollBatch;
import io.sessionflow.source.http.LogSafe;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The outcome of every poll, per account: fed by the publish route once a batch is committed and by the shared
 * error handling when a poll fails; read by each source's health check and counted in the metrics.
 */
public final class PollOutcomes {
    /**
     * What health reports of one source: when it last fetched and committed, its last error if failing, and what
     * failed in the last committed poll when a part of it did (null when it was read whole).
     */
    public record Outcome(Instant lastSuccess, Instant lastFailure, String lastError, String partial) {
        public boolean failing() {
            return lastFailure != null && (lastSuccess == null || lastFailure.isAfter(lastSuccess));
        }
    }

    private final Map<SourceAccount, Outcome> outcomes = new ConcurrentHashMap<>();
    private final PipelineMetrics metrics;
    private final Clock clock;

    public PollOutcomes(PipelineMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Called by the publish route after the batch's transaction committed, with the batch as committed (dead letters
     * already published before are not in it). A batch of the clock alone is no poll: it says nothing of the vendor.
     */
    public void published(PollBatch batch) {
        if (batch.watermark() != null) {
            metrics.watermark(batch.account(), batch.watermark());
        }
        Map<String, Long> byType = batch.events().stream()
                .collect(Collectors.groupingBy(e -> e.type().type(), Collectors.counting()));
        byType.forEach((type, n) -> metrics.published(batch.account(), type, n.intValue()));
        if (!batch.deadLetters().isEmpty()) {
            metrics.deadLettered(batch.account(), batch.deadLetters().size());
        }
        if (!batch.fromVendor()) {
            return;
        }
        Instant now = clock.instant();
        String partial = partial(batch.failedParts());
        outcomes.compute(batch.account(), (s, o) -> new Outcome(now, o == null ? null : o.lastFailure(),
                o == null ? null : o.lastError(), partial));
        metrics.poll(batch.account(), partial == null ? PipelineMetrics.SUCCESS : PipelineMetrics.PARTIAL);
    }

    /**
     * Called by the shared error handling, and by a push source's feed; the error text is already free of
     * credentials.
     */
    public void failed(SourceAccount account, String error) {
        Instant now = clock.instant();
        outcomes.compute(account, (s, o) -> new Outcome(o == null ? null : o.lastSuccess(), now, LogSafe.of(error),
                o == null ? null : o.partial()));
        metrics.poll(account, PipelineMetrics.FAILURE);
    }

    private static String partial(java.util.List<String> failedParts) {
        if (failedParts.isEmpty()) {
            return null;
        }
        String first = LogSafe.of(failedParts.get(0));
        return failedParts.size() == 1 ? first : first + " (and " + (failedParts.size() - 1) + " more)";
    }

    /** What its readiness check says: a poll was fetched and committed, and none failed since. */
    public boolean ready(SourceAccount account) {
        Outcome o = of(account);
        return o.lastSuccess() != null && !o.failing();
    }

    public Outcome of(SourceAccount account) {
        return outcomes.getOrDefault(account, new Outcome(null, null, null, null));
    }

    /** The account left this instance: what happens to it next is another instance's to report. */
    public void forget(SourceAccount account) {
        outcomes.remove(account);
    }
}
