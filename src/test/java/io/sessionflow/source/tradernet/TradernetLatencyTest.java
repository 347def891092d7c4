package io.sessionflow.source.tradernet;

import static io.sessionflow.testing.Wait.await;

import io.sessionflow.source.FeedLatency;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Prints the docs' latency figure: a feed message's arrival to Kafka's acknowledgement of its event (acks=all,
 * the shared single-node broker, loopback). One change at a time, so it is latency, not throughput.
 * Asserts only that it measured, never how fast: timings on 2 shared cores are not a test.
 */
class TradernetLatencyTest {
    private static final int WARMUP = 30;
    private static final int SAMPLES = 200;

    @Test
    void printsFeedToKafkaAckLatency() {
        try (TradernetHarness h = new TradernetHarness()) {
            TradernetWorld.Session s = h.world.open("virtual@virtual.com", "Login, password", Instant.now(),
                    Duration.ofHours(24), "19.16.32.32");
            h.start("websocket");
            h.awaitEvents(1);
            h.awaitSubscribed();
            Instant expire = s.expire();
            int published = 1;
            for (int i = 0; i < WARMUP + SAMPLES; i++) {
                expire = expire.plusSeconds(60);
                h.world.prolong(s.id(), expire);
                h.awaitEvents(++published);
            }
            FeedLatency all = h.stream().latency();
            // a sample is recorded just after Kafka's ack, which can be after the test read its event: wait for
            // all of them, then measure the last SAMPLES (the warm-up ones are older)
            await("every sample recorded").atMost(TradernetHarness.WAIT)
                    .until(() -> all.count() >= WARMUP + SAMPLES);
            FeedLatency latency = all.last(SAMPLES);
            System.out.printf(
                    "Tradernet feed message -> Kafka ack (acks=all), %d samples: p50 %.2f ms, p99 %.2f ms, max %.2f"
                            + " ms%n",
                    latency.count(),
                    latency.percentileMicros(50) / 1000.0,
                    latency.percentileMicros(99) / 1000.0,
                    latency.percentileMicros(100) / 1000.0);
        }
    }
}
