package io.sessionflow.bench;

import io.sessionflow.config.AccountSettings;
import io.sessionflow.config.Settings;
import io.sessionflow.kafka.Topics;
import io.sessionflow.publish.BatchRecords;
import io.sessionflow.publish.TransactionalPublisher;
import io.sessionflow.source.AccountContext;
import io.sessionflow.source.PollBatch;
import io.sessionflow.source.SnapshotPoller;
import io.sessionflow.source.webinar.WebinarModule;
import io.sessionflow.source.webinar.WebinarSimulator;
import io.sessionflow.source.webinar.WebinarWorld;
import io.sessionflow.track.InMemoryKnownSessions;
import io.sessionflow.track.SessionTracker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Sessionflow against the route a Camel user would write for the same job ({@link PeerRoute}), over the same
 * webinar.ru simulator (the same world of scheduled sessions) and the same broker: vendor records processed per
 * second with a share of the listed sessions renamed before each poll. Sessionflow's side is the real fetcher over
 * camel-http, poller (digest, map, diff) and transactional publisher, as in the HTTP stage; the rate limit is off
 * on both sides.
 */
final class PeerStage {
    private static final String TOKEN = "bench-token";
    private static final int PAGE_SIZE = 500;
    private final BenchKafka kafka;
    private final PerfSizes sizes;

    /**
     * @param cpuMillisPerPoll CPU time of the whole process per poll (simulator and an embedded broker included)
     * @param published        records the side committed to Kafka in its measured polls
     */
    record Side(double recordsPerSecond, double millisPerPoll, double cpuMillisPerPoll, double requestsPerPoll,
                long published) {
    }

    record Result(int sessions, int changed, Side sessionflow, Side peer, String load) {
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
        WebinarWorld world = world(sessions);
        Renamer renamer = new Renamer(world, changed);
        try (WebinarSimulator simulator = new WebinarSimulator(world, TOKEN)) {
            String load = MachineInfo.loadAverage();
            Side ours = sessionflow(simulator, renamer, sessions);
            Side peer = peer(simulator, renamer, sessions);
            return new Result(sessions, changed, ours, peer, load);
        }
    }

    /** Scheduled sessions a day ahead, two per event, inside Sessionflow's default schedule window. */
    private static WebinarWorld world(int sessions) {
        WebinarWorld world = new WebinarWorld();
        Instant now = Instant.now();
        for (int i = 0; i < sessions; i++) {
            world.schedule("Webinar " + i, now.minusSeconds(3600), now.plus(Duration.ofDays(1)));
        }
        return world;
    }

    private Side sessionflow(WebinarSimulator simulator, Renamer renamer, int sessions) throws Exception {
        Topics topics = kafka.freshTopics("peer-ours");
        SessionTracker tracker = new SessionTracker(new InMemoryKnownSessions());
        try (CamelContext camel = new DefaultCamelContext();
             TransactionalPublisher publisher = new TransactionalPublisher(new BatchRecords(topics),
                     kafka.producers("peer-ours"))) {
            camel.start();
            Settings settings = Settings.from(Map.of(), new Properties(), Map.of(
                    "sessionflow.webinar.base-url", simulator.baseUrl(),
                    "sessionflow.webinar.token", TOKEN,
                    "sessionflow.webinar.page-size", String.valueOf(PAGE_SIZE),
                    "sessionflow.http.requests-per-second", "0"));
            AccountSettings account = new WebinarModule().defaultAccount(settings);
            SnapshotPoller<?> poller = new WebinarModule().createSource(
                    AccountContext.of(account, tracker, Clock.systemUTC(), camel.createProducerTemplate()));
            // unmeasured: the first poll sees every session new; the next ones warm the steady-state path
            publisher.publish(poller.poll(), tracker, PipelineStage.POLL_INTERVAL);
            for (int i = 0; i < sizes.peerWarmups(); i++) {
                renamer.run();
                publisher.publish(poller.poll(), tracker, PipelineStage.POLL_INTERVAL);
            }
            int requestsBefore = simulator.requestCount();
            long cpuBefore = CpuTime.process();
            long nanos = 0;
            long published = 0;
            for (int i = 0; i < sizes.peerPolls(); i++) {
                renamer.run();
                long start = System.nanoTime();
                PollBatch batch = poller.poll();
                publisher.publish(batch, tracker, PipelineStage.POLL_INTERVAL);
                nanos += System.nanoTime() - start;
                published += batch.events().size();
            }
            return side(sessions, nanos / 1e9, CpuTime.process() - cpuBefore,
                    simulator.requestCount() - requestsBefore, published);
        }
    }

    private Side peer(WebinarSimulator simulator, Renamer renamer, int sessions) throws Exception {
        Topics topics = kafka.freshTopics("peer-route");
        int polls = sizes.peerWarmups() + sizes.peerPolls();
        MeasuredPolls clock = new MeasuredPolls(renamer, simulator::requestCount, sizes.peerWarmups(), polls);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String window = "from=" + today.minusDays(7) + "&to=" + today.plusDays(30);
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new PeerRoute(simulator.baseUrl(), TOKEN, window, PAGE_SIZE, kafka.bootstrap(),
                    topics.events(), polls, clock));
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
