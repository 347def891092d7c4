package io.sessionflow.bench;

import io.sessionflow.config.AccountSettings;
import io.sessionflow.config.Settings;
import io.sessionflow.kafka.Topics;
import io.sessionflow.publish.BatchRecords;
import io.sessionflow.publish.TransactionalPublisher;
import io.sessionflow.source.AccountContext;
import io.sessionflow.source.BenchSimulator;
import io.sessionflow.source.PollBatch;
import io.sessionflow.source.SnapshotPoller;
import io.sessionflow.source.SourceModule;
import io.sessionflow.track.InMemoryKnownSessions;
import io.sessionflow.track.SessionTracker;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * End to end through the vendor's real transport: the end-to-end module's simulator on loopback, its real source
 * (fetcher over camel-http with the shared fault policy, mapper, tracker) and the transactional publisher. Every
 * session changes between polls, so every poll publishes one update per session. The per-vendor rate limit is
 * switched off here to show what HTTP itself costs; its default (20 requests/s) bounds a real poll far below this.
 */
final class HttpPipelineStage {
    private final BenchKafka kafka;
    private final BenchSizes sizes;

    record Result(String vendor, double eventsPerSecond, double millisPerPoll, double requestsPerPoll) {
    }

    HttpPipelineStage(BenchKafka kafka, BenchSizes sizes) {
        this.kafka = kafka;
        this.sizes = sizes;
    }

    Result run() throws Exception {
        SourceModule module = BenchModules.endToEnd();
        Topics topics = kafka.freshTopics("http");
        SessionTracker tracker = new SessionTracker(new InMemoryKnownSessions());
        try (BenchSimulator simulator = module.benchSimulator().orElseThrow().start(sizes.httpSessions());
             CamelContext camel = new DefaultCamelContext();
             TransactionalPublisher publisher = new TransactionalPublisher(new BatchRecords(topics),
                     kafka.producers("http"))) {
            camel.start();
            Map<String, String> given = new HashMap<>(simulator.settings());
            given.put("sessionflow.http.requests-per-second", "0");
            AccountSettings account = module.defaultAccount(Settings.from(Map.of(), new Properties(), given));
            SnapshotPoller<?> poller = (SnapshotPoller<?>) module.createSource(
                    AccountContext.of(account, tracker, Clock.systemUTC(), camel.createProducerTemplate()));
            publisher.publish(poller.poll(), tracker, PipelineStage.POLL_INTERVAL);
            int requestsBefore = simulator.requestCount();
            long events = 0;
            long start = System.nanoTime();
            for (int round = 1; round <= sizes.httpPolls(); round++) {
                simulator.changeAll(round);
                PollBatch batch = poller.poll();
                publisher.publish(batch, tracker, PipelineStage.POLL_INTERVAL);
                events += batch.events().size();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(module.title(), events / seconds, seconds * 1000 / sizes.httpPolls(),
                    (simulator.requestCount() - requestsBefore) / (double) sizes.httpPolls());
        }
    }
}
