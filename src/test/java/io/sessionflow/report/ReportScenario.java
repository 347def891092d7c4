package io.sessionflow.report;

import io.sessionflow.source.ispring.IspringModule;

import io.sessionflow.source.seeit.SeeitModule;

import io.sessionflow.source.webinar.WebinarModule;

import static io.sessionflow.replay.TestEvents.event;

import io.sessionflow.event.EventIds;
import io.sessionflow.event.EventType;
import io.sessionflow.event.Person;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.event.SystemId;
import io.sessionflow.replay.TestEvents;
import io.sessionflow.replay.TestEvents.Timed;
import io.sessionflow.replay.TimeRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Two days of sessions on a fresh topic: two webinars on the 20th (one ended after an hour with two distinct
 * participants, one joining twice; one still live), a 10-minute seeit session on the 21st, an ispring session
 * only scheduled, and one webinar started before the range.
 */
final class ReportScenario {
    static final Instant DAY1 = Instant.parse("2026-11-20T00:00:00Z");
    static final TimeRange RANGE = new TimeRange(DAY1, Instant.parse("2026-11-22T00:00:00Z"));

    private ReportScenario() {
    }

    static String publish() {
        Instant w1Start = at("2026-11-20T09:00:00Z");
        Instant w1End = at("2026-11-20T10:00:00Z");
        Instant w2Start = at("2026-11-20T09:30:00Z");
        Instant s1Start = at("2026-11-21T12:00:00Z");
        Instant s1End = at("2026-11-21T12:10:00Z");
        List<SessionEvent> events = new ArrayList<>(List.of(
                event(WebinarModule.SYSTEM, "w1", EventType.SESSION_STARTED, w1Start, w1Start, null),
                joined("w1", "Ann", w1Start.plusSeconds(60), w1Start),
                joined("w1", "Bob", w1Start.plusSeconds(120), w1Start),
                joined("w1", "Ann", w1Start.plusSeconds(1800), w1Start),
                event(WebinarModule.SYSTEM, "w1", EventType.SESSION_ENDED, w1End, w1Start, w1End),
                event(WebinarModule.SYSTEM, "w2", EventType.SESSION_STARTED, w2Start, w2Start, null),
                joined("w2", "Cid", w2Start.plusSeconds(30), w2Start),
                event(SeeitModule.SYSTEM, "s1", EventType.SESSION_STARTED, s1Start, s1Start, null),
                event(SeeitModule.SYSTEM, "s1", EventType.SESSION_ENDED, s1End, s1Start, s1End),
                event(IspringModule.SYSTEM, "i1", EventType.SESSION_SCHEDULED, at("2026-11-21T08:00:00Z"))));
        List<Timed> timed = new ArrayList<>(events.stream().map(e -> new Timed(e.time(), e)).toList());
        Instant before = DAY1.minusSeconds(3600);
        timed.add(
                new Timed(before, event(WebinarModule.SYSTEM, "w0", EventType.SESSION_STARTED, before, before, null)));
        String topic = TestEvents.newTopic(3);
        TestEvents.publish(topic, timed);
        return topic;
    }

    /**
     * Watermarks of the range, every 10 minutes as a poll interval of 10 minutes gives them: webinar.ru's stop from
     * 12:00 to 15:00 on the 20th (its source down); Seeit's begin on the 21st.
     */
    static String publishWatermarks() {
        List<TestEvents.Published> marks = new ArrayList<>();
        for (Instant t = DAY1; t.isBefore(RANGE.to()); t = t.plusSeconds(600)) {
            if (t.isBefore(at("2026-11-20T12:00:01Z")) || !t.isBefore(at("2026-11-20T15:00:00Z"))) {
                marks.add(watermark("webinar", t));
            }
            if (!t.isBefore(at("2026-11-21T00:00:00Z"))) {
                marks.add(watermark("seeit", t));
            }
        }
        String topic = TestEvents.newTopic(3);
        TestEvents.publishRecords(topic, marks);
        return topic;
    }

    private static TestEvents.Published watermark(String system, Instant upTo) {
        return new TestEvents.Published(upTo.plusMillis(40), system, system, io.sessionflow.event.EventJson.toBytes(
                new io.sessionflow.publish.WatermarkRecord(system, null, upTo, 600)));
    }

    private static SessionEvent joined(String session, String name, Instant time, Instant startedAt) {
        SessionEvent base = event(WebinarModule.SYSTEM, session, EventType.PARTICIPANT_JOINED, time, startedAt, null);
        return SessionEvent.of(EventIds.of(WebinarModule.SYSTEM, session, EventType.PARTICIPANT_JOINED, name + time),
                base.source(), EventType.PARTICIPANT_JOINED, time,
                base.data().withMarks(Person.named(name), false, false));
    }

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }
}
