package io.sessionflow.bench;

import io.sessionflow.config.Settings;
import io.sessionflow.source.AccountContext;
import io.sessionflow.source.BenchEconomy;
import io.sessionflow.source.EconomyWords;
import io.sessionflow.source.PollBatch;
import io.sessionflow.source.SnapshotPoller;
import io.sessionflow.source.SourceModule;
import io.sessionflow.track.InMemoryKnownSessions;
import io.sessionflow.track.SessionTracker;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Vendor request economy at steady state, for every module with a bench economy ({@link BenchModules#economy}): the
 * real source over camel-http, at the default rate limit, against a simulator that counts requests. The first poll
 * (no memory yet) is what every poll cost before the economy; it runs without the rate limit, the measured polls
 * with the default one. Publishing is left out (the tracker commits as the publisher would after Kafka's
 * acknowledgement): the row is about the vendor's budget.
 */
final class EconomyStage {
    private final PerfSizes sizes;

    /**
     * @param costly            sessions that cost requests of their own on every poll
     * @param firstPollRequests what a poll without memory asks, as every poll did before
     * @param pages             schedule or list pages per measured poll
     * @param target            the requests the issue allows per poll
     */
    record Result(String vendor, EconomyWords words, int listed, int changed, int costly, int firstPollRequests,
                  double requestsPerPoll, double pages, double target, double secondsPerPoll,
                  double requestsPerSecondLimit) {
    }

    EconomyStage(PerfSizes sizes) {
        this.sizes = sizes;
    }

    List<Result> run() throws Exception {
        List<Result> results = new ArrayList<>();
        for (SourceModule module : BenchModules.economy()) {
            results.add(run(module));
        }
        return results;
    }

    private Result run(SourceModule module) throws Exception {
        int listed = sizes.economySessions();
        int costly = sizes.economyLive();
        int changed = sizes.economyChanged();
        try (BenchEconomy vendor = module.benchEconomy().orElseThrow().start(listed, costly, changed)) {
            SessionTracker tracker = new SessionTracker(new InMemoryKnownSessions());
            try (CamelContext camel = new DefaultCamelContext()) {
                camel.start();
                Map<String, String> unlimited = BenchModules.asDefault(module, vendor.firstPoll());
                unlimited.put("sessionflow.http.requests-per-second", "0");
                int before = vendor.requestCount();
                commit(tracker, poller(module, unlimited, tracker, camel).poll());
                int firstPoll = vendor.requestCount() - before;
                Map<String, String> steady = BenchModules.asDefault(module, vendor.steady());
                SnapshotPoller<?> poller = poller(module, steady, tracker, camel);
                double limit = Double.parseDouble(Settings.from(Map.of(), new Properties(), steady)
                        .string("sessionflow.http.requests-per-second"));
                // one unmeasured poll: the first one's memory is committed, this one reaches the steady state
                vendor.change();
                commit(tracker, poller.poll());
                int requestsBefore = vendor.requestCount();
                int pagesBefore = vendor.pageCount();
                long nanos = 0;
                for (int i = 0; i < sizes.economyPolls(); i++) {
                    vendor.change();
                    long start = System.nanoTime();
                    PollBatch batch = poller.poll();
                    nanos += System.nanoTime() - start;
                    commit(tracker, batch);
                }
                int polls = sizes.economyPolls();
                double pages = (double) (vendor.pageCount() - pagesBefore) / polls;
                return new Result(module.title(), vendor.words(), listed, changed, costly, firstPoll,
                        (double) (vendor.requestCount() - requestsBefore) / polls, pages, vendor.allowed(pages),
                        nanos / 1e9 / polls, limit);
            }
        }
    }

    private static SnapshotPoller<?> poller(SourceModule module, Map<String, String> given, SessionTracker tracker,
                                            CamelContext camel) {
        Settings settings = Settings.from(Map.of(), new Properties(), given);
        return (SnapshotPoller<?>) module.createSource(AccountContext.of(module.defaultAccount(settings), tracker,
                Clock.systemUTC(), camel.createProducerTemplate()));
    }

    private static void commit(SessionTracker tracker, PollBatch batch) {
        tracker.commit(batch.system(), batch.transitions(), batch.polledAt());
    }
}
