package io.sessionflow.bench;

import io.sessionflow.config.AccountSettings;
import io.sessionflow.config.Settings;
import io.sessionflow.kafka.Topics;
import io.sessionflow.publish.BatchRecords;
import io.sessionflow.publish.TransactionalPublisher;
import io.sessionflow.source.AccountContext;
import io.sessionflow.source.BenchListing;
import io.sessionflow.source.PeerPages;
import io.sessionflow.source.PollBatch;
import io.sessionflow.source.SnapshotPoller;
import io.sessionflow.source.SourceModule;
import io.sessionflow.track.InMemoryKnownSessions;
import io.sessionflow.track.SessionTracker;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Sessionflow against the route a Camel user would write for the same job ({@link PeerRoute}), over the same
 * simulator of the peer module ({@link BenchModules#peer}: the same listed sessions) and the same broker: vendor records processed per
 * second with a share of the listed sessions renamed before each poll. Sessionflow's side is the real fetcher over
 * camel-http, poller (digest, map, diff) and transactional publisher, as in the HTTP stage; the rate limit is off
 * on both sides.
 */
final class PeerStage {
    private final BenchKafka kafka;
    private final PerfSizes sizes;
    private final SourceModule module = BenchModules.peer();
    private final PeerPages pages = module.peerPages().orElseThrow();

    /**
     * @param cpuMillisPerPoll CPU time of the whole process per poll (simulator and an embedded broker included)
     * @param published        records the side committed to Kafka in its measured polls
     */
    record Side(double recordsPerSecond, double millisPerPoll, double cpuMillisPerPoll, double requestsPerPoll,
                long published) {
    }

    record Result(String vendor, int sessions, int changed, Side sessionflow, Side peer, String load) {
    }

    PeerStage(BenchKafka kafka, PerfSizes sizes) {
        this.kafka = kafka;
        this.sizes = sizes;
    }

    List<Result> run() throws Exception {
        int n = sizes.peerSessions();
        return List.of(run(n, Math.max(1, n / 100)), run(n, n));
    }

    private Result run(int sessions, int changed) throws Exception {
        try (BenchListing listing = module.benchListing().orElseThrow().start(sessions)) {
            Map<String, String> account = new HashMap<>(listing.settings());
            account.putAll(pages.settings());
            Runnable rename = () -> listing.rename(changed);
            String load = MachineInfo.loadAverage();
            Side ours = sessionflow(listing, account, rename, sessions);
            Side peer = peer(listing, account, rename, sessions);
            return new Result(module.title(), sessions, changed, ours, peer, load);
        }
    }

    private Side sessionflow(BenchListing listing, Map<String, String> account, Runnable rename, int sessions)
            throws Exception {
        Topics topics = kafka.freshTopics("peer-ours");
        SessionTracker tracker = new SessionTracker(new InMemoryKnownSessions());
        try (CamelContext camel = new DefaultCamelContext();
             TransactionalPublisher publisher = new TransactionalPublisher(new BatchRecords(topics),
                     kafka.producers("peer-ours"))) {
            camel.start();
            Map<String, String> given = BenchModules.asDefault(module, account);
            given.put("sessionflow.http.requests-per-second", "0");
            AccountSettings settings = module.defaultAccount(Settings.from(Map.of(), new Properties(), given));
            SnapshotPoller<?> poller = (SnapshotPoller<?>) module.createSource(
                    AccountContext.of(settings, tracker, Clock.systemUTC(), camel.createProducerTemplate()));
            // unmeasured: the first poll sees every session new; the next ones warm the steady-state path
            publisher.publish(poller.poll(), tracker, PipelineStage.POLL_INTERVAL);
            for (int i = 0; i < sizes.peerWarmups(); i++) {
                rename.run();
                publisher.publish(poller.poll(), tracker, PipelineStage.POLL_INTERVAL);
            }
            int requestsBefore = listing.requestCount();
            long cpuBefore = CpuTime.process();
            long nanos = 0;
            long published = 0;
            for (int i = 0; i < sizes.peerPolls(); i++) {
                rename.run();
                long start = System.nanoTime();
                PollBatch batch = poller.poll();
                publisher.publish(batch, tracker, PipelineStage.POLL_INTERVAL);
                nanos += System.nanoTime() - start;
                published += batch.events().size();
            }
            return side(sessions, nanos / 1e9, CpuTime.process() - cpuBefore,
                    listing.requestCount() - requestsBefore, published);
        }
    }

    private Side peer(BenchListing listing, Map<String, String> account, Runnable rename, int sessions)
            throws Exception {
        Topics topics = kafka.freshTopics("peer-route");
        int polls = sizes.peerWarmups() + sizes.peerPolls();
        MeasuredPolls clock = new MeasuredPolls(rename, listing::requestCount, sizes.peerWarmups(), polls);
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new PeerRoute(pages, account, kafka.bootstrap(), topics.events(), polls, clock));
            camel.start();
            double seconds = clock.awaitSeconds(600);
            // every poll, warm-ups included, published every listed session: at least once means all of them
            long published = EndOffsets.sum(kafka.bootstrap(), topics.events());
            if (published < (long) sessions * polls) {
                throw new IllegalStateException("the peer route published " + published + " records of "
                        + (long) sessions * polls);
            }
            return side(sessions, seconds, clock.cpuNanos(), clock.requests(), published * sizes.peerPolls() / polls);
        }
    }

    private Side side(int sessions, double seconds, long cpuNanos, int requests, long published) {
        int polls = sizes.peerPolls();
        return new Side((double) sessions * polls / seconds, seconds * 1000 / polls, cpuNanos / 1e6 / polls,
                (double) requests / polls, published);
    }
}
