package io.sessionflow.source.tradernet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionflow.event.EventJson;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.testing.Pipeline;
import io.sessionflow.testing.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An oversized WebSocket feed message: refused within the bound, dead-lettered, and the feed recovers. */
class TradernetOversizedFrameTest {
    private final TradernetHarness h = new TradernetHarness();

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void anOversizedFeedMessageIsRefusedDeadLetteredAndTheFeedRecovers() throws Exception {
        h.world.open("virtual@virtual.com", "Login, password", Instant.now(), Duration.ofHours(1), "19.16.32.32");
        Pipeline pipeline = h.start("websocket", Map.of("sessionflow.http.max-body-bytes", "65536"));
        h.awaitEvents(1);
        h.awaitSubscribed();
        int snapshots = h.vendor.snapshotCount();

        // about 2 MB, 30 times the bound
        h.vendor.sendRawFeedMessage("[\"sessions\",[" + "{\"id\":1,\"owner_login\":\"x\"},".repeat(70_000) + "{}]]");

        try (TopicReader dlq = pipeline.read(pipeline.topics().dlq())) {
            ConsumerRecord<String, byte[]> dead = dlq.awaitCount(1, TradernetHarness.WAIT).get(0);
            JsonNode letter = EventJson.mapper().readTree(dead.value());
            assertThat(letter.get("system").asText()).isEqualTo("tradernet");
            assertThat(letter.get("reason").asText())
                    .isEqualTo(
                            "feed message larger than 65536 characters refused (first 2000 kept); connection dropped");
            assertThat(letter.get("raw").asText()).hasSize(2000).startsWith("[\"sessions\",[");
        }
        h.awaitSnapshots(snapshots + 1);
        h.world.open("virtual@virtual.com", "SMS", Instant.now(), Duration.ofHours(1), "203.0.113.7");
        List<SessionEvent> events = h.awaitEvents(2);
        assertThat(events).extracting(e -> e.type().type())
                .containsExactly("sessionflow.session.started", "sessionflow.session.started");
    }
}
