package io.sessionflow.replay;

import static io.sessionflow.replay.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.event.EventJson;
import io.sessionflow.event.EventType;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.replay.TestEvents.Timed;
import io.sessionflow.source.ispring.IspringModule;
import io.sessionflow.source.seeit.SeeitModule;
import io.sessionflow.source.webinar.WebinarModule;
import io.sessionflow.testing.EventAssertions;
import io.sessionflow.testing.SharedKafka;
import io.sessionflow.testing.TopicReader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** replay against the real broker: which records a range selects, the filters, stable output, re-publishing. */
class ReplayTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final Instant from = Instant.parse("2026-11-20T09:00:00Z");
    private final Instant to = Instant.parse("2026-11-20T10:00:00Z");
    private final TimeRange range = new TimeRange(from, to);
    private final Replay replay = new Replay(SharedKafka.bootstrapServers());

    @Test
    void rangeSelectsRecordTimestampsFromInclusiveToExclusive() {
        String topic = TestEvents.newTopic(3);
        // CloudEvent time is a day off on purpose: only the record timestamp may decide
        Instant dayBefore = from.minus(Duration.ofDays(1));
        SessionEvent justBefore = event(WebinarModule.SYSTEM, "1", EventType.SESSION_SCHEDULED, dayBefore);
        SessionEvent atFrom = event(WebinarModule.SYSTEM, "2", EventType.SESSION_SCHEDULED, dayBefore);
        SessionEvent inside = event(SeeitModule.SYSTEM, "3", EventType.SESSION_STARTED, dayBefore);
        SessionEvent lastMilli = event(IspringModule.SYSTEM, "4", EventType.SESSION_ENDED, dayBefore);
        SessionEvent atTo = event(WebinarModule.SYSTEM, "5", EventType.SESSION_ENDED, dayBefore);
        SessionEvent pastLateAppends = event(SeeitModule.SYSTEM, "6", EventType.SESSION_ENDED, dayBefore);
        TestEvents.publish(topic, List.of(new Timed(from.minusMillis(1), justBefore), new Timed(from, atFrom),
                new Timed(from.plusSeconds(1800), inside), new Timed(to.minusMillis(1), lastMilli),
                new Timed(to, atTo), new Timed(to.plus(TopicRangeReader.LATE_APPEND), pastLateAppends)));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long[] toRead = {-1};
        replay.run(topic, range, EventFilter.any(), new JsonLinesSink(out), new Progress() {
            @Override
            public void begin(long total) {
                toRead[0] = total;
            }

            @Override
            public void advance(long offsets, long records) {
            }

            @Override
            public void end() {
            }
        });

        assertThat(parse(out.toByteArray())).extracting(SessionEvent::id)
                .containsExactlyInAnyOrder(atFrom.id(), inside.id(), lastMilli.id());
        assertThat(toRead[0]).as("read from the first record at or after from to the first at or after to plus the"
                + " room for late appends: atFrom, inside, lastMilli, atTo").isEqualTo(4);
    }

    @Test
    void filtersBySystemSessionAndType() {
        String topic = TestEvents.newTopic(3);
        Instant t = from.plusSeconds(60);
        TestEvents.publish(topic, List.of(
                new Timed(t, event(WebinarModule.SYSTEM, "10", EventType.SESSION_STARTED, t)),
                new Timed(t, event(WebinarModule.SYSTEM, "10", EventType.SESSION_ENDED, t)),
                new Timed(t, event(WebinarModule.SYSTEM, "11", EventType.SESSION_STARTED, t)),
                new Timed(t, event(SeeitModule.SYSTEM, "10", EventType.SESSION_STARTED, t))));

        assertThat(subjectsAndTypes(topic, new EventFilter(List.of("webinar"), List.of(), List.of())))
                .containsExactlyInAnyOrder("webinar:10 sessionflow.session.started",
                        "webinar:10 sessionflow.session.ended", "webinar:11 sessionflow.session.started");
        assertThat(subjectsAndTypes(topic, new EventFilter(List.of(), List.of("10"), List.of("session.started"))))
                .containsExactlyInAnyOrder("webinar:10 sessionflow.session.started",
                        "seeit:10 sessionflow.session.started");
        assertThat(subjectsAndTypes(topic, new EventFilter(List.of("webinar", "seeit"), List.of("11"),
                List.of("sessionflow.session.started", "sessionflow.session.ended"))))
                .containsExactly("webinar:11 sessionflow.session.started");
    }

    @Test
    void sameRangeTwiceGivesIdenticalBytesOrderedByPartitionThenOffset() {
        String topic = TestEvents.newTopic(3);
        List<Timed> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Instant t = from.plusSeconds(30L * (30 - i)); // record times not in publish order
            events.add(new Timed(t, event(TestEvents.SYSTEMS.get(i % 5), "s" + i, EventType.SESSION_STARTED, t)));
        }
        TestEvents.publish(topic, events);

        byte[] first = jsonl(topic, EventFilter.any());
        assertThat(jsonl(topic, EventFilter.any())).isEqualTo(first);
        String csv = csv(topic);
        assertThat(csv(topic)).isEqualTo(csv);

        List<String> rows = Arrays.asList(csv.split("\r\n"));
        assertThat(rows.get(0)).startsWith("record_timestamp,partition,offset,id,type,time,system,session_id");
        List<long[]> positions = rows.subList(1, rows.size()).stream()
                .map(r -> r.split(",")).map(c -> new long[] {Long.parseLong(c[1]), Long.parseLong(c[2])}).toList();
        assertThat(positions).hasSize(30).isSortedAccordingTo(
                Comparator.<long[]>comparingLong(p -> p[0]).thenComparingLong(p -> p[1]));
        assertThat(new String(first, StandardCharsets.UTF_8).lines()).hasSize(30);
    }

    @Test
    void republishesToAnotherTopicWithSameKeysHeadersAndTimestamps() {
        String topic = TestEvents.newTopic(3);
        String target = TestEvents.newTopic(3);
        Instant t = from.plusSeconds(5);
        TestEvents.publish(topic, List.of(
                new Timed(t, event(WebinarModule.SYSTEM, "20", EventType.SESSION_STARTED, t)),
                new Timed(t.plusSeconds(1), event(WebinarModule.SYSTEM, "20", EventType.SESSION_ENDED, t)),
                new Timed(to.plusSeconds(1), event(WebinarModule.SYSTEM, "21", EventType.SESSION_STARTED, t))));

        long written = replay.run(topic, range, EventFilter.any(),
                new TopicSink(SharedKafka.bootstrapServers(), target), Progress.none());

        assertThat(written).isEqualTo(2);
        try (TopicReader reader = new TopicReader(SharedKafka.bootstrapServers(), target)) {
            List<ConsumerRecord<String, byte[]>> copied = reader.awaitCount(2, WAIT);
            assertThat(reader.readToEnd()).as("replay has returned: all it wrote is there").hasSize(2);
            assertThat(EventAssertions.events(copied)).extracting(e -> e.type().type())
                    .as("one session stays in order").containsExactly("sessionflow.session.started",
                            "sessionflow.session.ended");
            assertThat(copied).extracting(ConsumerRecord::key).containsOnly("webinar:20");
            assertThat(copied).extracting(ConsumerRecord::timestamp)
                    .containsExactly(t.toEpochMilli(), t.plusSeconds(1).toEpochMilli());
            assertThat(copied).extracting(r -> EventAssertions.header(r, "sessionflow-system")).containsOnly("webinar");
        }
    }

    private byte[] jsonl(String topic, EventFilter filter) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        replay.run(topic, range, filter, new JsonLinesSink(out), Progress.none());
        return out.toByteArray();
    }

    private String csv(String topic) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        replay.run(topic, range, EventFilter.any(), new CsvSink(out), Progress.none());
        return out.toString(StandardCharsets.UTF_8);
    }

    private List<String> subjectsAndTypes(String topic, EventFilter filter) {
        return parse(jsonl(topic, filter)).stream()
                .map(e -> e.data().system().id() + ":" + e.subject() + " " + e.type().type()).toList();
    }

    private static List<SessionEvent> parse(byte[] jsonl) {
        return new String(jsonl, StandardCharsets.UTF_8).lines()
                .map(l -> EventJson.parse(l.getBytes(StandardCharsets.UTF_8))).toList();
    }
}
