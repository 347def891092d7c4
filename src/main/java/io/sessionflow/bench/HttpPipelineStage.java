package io.sessionflow.bench;

import io.sessionflow.config.Settings;
import io.sessionflow.source.webinar.WebinarSimulator;
import io.sessionflow.source.webinar.WebinarWorld;
import io.sessionflow.kafka.Topics;
import io.sessionflow.publish.BatchRecords;
import io.sessionflow.publish.TransactionalPublisher;
import io.sessionflow.source.PollBatch;
import io.sessionflow.source.SnapshotPoller;
import io.sessionflow.source.AccountContext;
import io.sessionflow.config.AccountSettings;
import io.sessionflow.source.webinar.WebinarConfig;
import io.sessionflow.source.webinar.WebinarPayload;
import io.sessionflow.source.webinar.WebinarModule;
import io.sessionflow.track.InMemoryKnownSessions;
import io.sessionflow.track.SessionTracker;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * End to end through real HTTP: the webinar.ru simulator on loopback, the real fetcher over camel-http with
 * the shared fault policy, mapper, tracker and transactional publisher. Every session is renamed between
 * polls, so every poll publishes one update per session. The per-vendor rate limit is switched off here to
 * show what HTTP itself costs; its default (20 requests/s) bounds a real poll far below this.
 */
final class HttpPipelineStage {
    private static final String TOKEN = "bench-token";
    private final BenchKafka kafka;
    private final BenchSizes sizes;

    record Result(double eventsPerSecond, double millisPerPoll, double requestsPerPoll) {
    }

    HttpPipelineStage(BenchKafka kafka, BenchSizes sizes) {
        this.kafka = kafka;
        this.sizes = sizes;
    }

    Result run() throws Exception {
        WebinarWorld world = new WebinarWorld();
        Instant now = Instant.now();
        for (int i = 0; i < sizes.httpSessions(); i++) {
            String id = world.schedule("Webinar " + i, now.minusSeconds(600), now.minusSeconds(300)).id;
            world.start(id, now.minusSeconds(300));
            world.join(id, new WebinarWorld.User(String.valueOf(3000 + i), "Visitor", String.valueOf(i),
                    "visitor" + i + "@example.org"), now.minusSeconds(200));
        }
        Topics topics = kafka.freshTopics("http");
        SessionTracker tracker = new SessionTracker(new InMemoryKnownSessions());
        try (WebinarSimulator simulator = new WebinarSimulator(world, TOKEN);
             CamelContext camel = new DefaultCamelContext();
             TransactionalPublisher publisher = new TransactionalPublisher(new BatchRecords(topics),
                     kafka.producers("http"))) {
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            Settings settings = Settings.from(Map.of(), new Properties(), Map.of(
                    "sessionflow.webinar.base-url", simulator.baseUrl(),
                    "sessionflow.webinar.token", TOKEN,
                    "sessionflow.webinar.page-size", "500",
                    "sessionflow.http.requests-per-second", "0"));
            AccountSettings account = new WebinarModule().defaultAccount(settings);
            SnapshotPoller<WebinarPayload> poller = new WebinarModule().createSource(
                    AccountContext.of(account, tracker, Clock.systemUTC(), template));
            publisher.publish(poller.poll(), tracker, PipelineStage.POLL_INTERVAL);
            int requestsBefore = simulator.requestCount();
            long events = 0;
            long start = System.nanoTime();
            for (int round = 1; round <= sizes.httpPolls(); round++) {
                Instant renamedAt = Instant.now();
                for (WebinarWorld.Session s : world.sessions()) {
                    world.rename(s.id, "Webinar " + s.id + " rev " + round, renamedAt);
                }
                PollBatch batch = poller.poll();
                publisher.publish(batch, tracker, PipelineStage.POLL_INTERVAL);
                events += batch.events().size();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(events / seconds, seconds * 1000 / sizes.httpPolls(),
                    (simulator.requestCount() - requestsBefore) / (double) sizes.httpPolls());
        }
    }
}
