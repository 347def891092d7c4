package io.sessionflow.rederive;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.cluster.AccountsTopic;
import io.sessionflow.config.Settings;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.replay.Progress;
import io.sessionflow.replay.TestEvents;
import io.sessionflow.testing.EventAssertions;
import io.sessionflow.testing.SharedKafka;
import io.sessionflow.testing.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Re-derives the raw topic of a finished live run into a new topic and checks it against the live events: the
 * same ids, and per session the same bytes in the same order.
 */
final class RederivationCheck {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private RederivationCheck() {
    }

    /** @param liveRecords everything the live run published to its events topic (its raw topic is derived) */
    static Rederivation.Summary rederiveAndCompare(Map<String, String> sourceSettings,
                                                   List<ConsumerRecord<String, byte[]>> liveRecords) {
        String rawTopic = liveRecords.get(0).topic().replace(".events", ".raw");
        String target = TestEvents.newTopic(3);
        Settings settings = Settings.from(Map.of(), new Properties(), sourceSettings);
        Rederivation.Summary summary = new Rederivation(SharedKafka.bootstrapServers(),
                account -> AccountsTopic.offline(account, Map.of(), settings)).run(rawTopic, target, Progress.none());
        assertThat(summary.failedPolls).as("polls that could not be re-derived").isZero();
        assertThat(summary.skippedPolls).isEmpty();
        try (TopicReader rederived = new TopicReader(SharedKafka.bootstrapServers(), target)) {
            rederived.awaitCount(liveRecords.size(), WAIT);
            // the re-derivation has returned: everything it wrote is on the topic
            List<ConsumerRecord<String, byte[]>> copy = rederived.readToEnd();
            List<SessionEvent> liveEvents = EventAssertions.events(liveRecords);
            assertThat(EventAssertions.events(copy)).extracting(SessionEvent::id)
                    .containsExactlyInAnyOrderElementsOf(liveEvents.stream().map(SessionEvent::id).toList())
                    .doesNotHaveDuplicates();
            for (String key : liveRecords.stream().map(ConsumerRecord::key).distinct().toList()) {
                assertThat(valuesOf(copy, key)).as("events of %s, bytes and order", key)
                        .containsExactlyElementsOf(valuesOf(liveRecords, key));
            }
        }
        return summary;
    }

    /** The events' bytes as they identify the event: without the tracing extension a traced live run adds. */
    private static List<String> valuesOf(List<ConsumerRecord<String, byte[]>> records, String key) {
        return records.stream().filter(r -> r.key().equals(key))
                .map(r -> new String(io.sessionflow.publish.CloudEventTrace.without(r.value()), StandardCharsets.UTF_8))
                .toList();
    }
}
