package io.sessionflow.source.webinar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionflow.event.EventJson;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.testing.CommittedPolls;
import io.sessionflow.testing.EventAssertions;
import io.sessionflow.testing.Pipeline;
import io.sessionflow.testing.TopicReader;
import io.sessionflow.verify.StreamChecks;
import io.sessionflow.verify.VerifyReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One webinar.ru session whose answers go wrong while the others are fine (issue 14 items 7 and 4), end to end: the
 * simulated vendor over real HTTP, the YAML routes, a real broker.
 */
class WebinarSessionFaultsTest {
    private static final String TOKEN = "session-faults-token";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Map<String, String> SETTINGS = Map.of(
            "sessionflow.webinar.token", TOKEN,
            "sessionflow.webinar.poll-interval", "200ms",
            "sessionflow.webinar.window-past", "3650d",
            // a 503 is not retried within the poll: the next poll asks again
            "sessionflow.http.retries", "0");
    private final Instant t0 = Instant.parse("2026-11-20T09:00:00Z");
    private final WebinarWorld world = new WebinarWorld();
    private WebinarSimulator vendor;
    private Pipeline pipeline;

    @BeforeEach
    void startVendor() {
        vendor = new WebinarSimulator(world, TOKEN);
    }

    @AfterEach
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        vendor.close();
    }

    private Map<String, String> settings() {
        Map<String, String> s = new java.util.HashMap<>(SETTINGS);
        s.put("sessionflow.webinar.base-url", vendor.baseUrl());
        return s;
    }

    /** Item 7: before, the one 503 failed every poll, so the other session's start never came out. */
    @Test
    void aSessionAnsweringServerErrorsIsLeftOutWhileTheRestIsPublishedAndReadAgainNextPoll() {
        WebinarWorld.Session bad = world.schedule("Broken backend", t0, t0.plusSeconds(3600));
        WebinarWorld.Session good = world.schedule("Quarterly results", t0, t0.plusSeconds(7200));
        pipeline = Pipeline.start(settings());
        try (TopicReader events = pipeline.read(pipeline.topics().events());
             CommittedPolls polls = new CommittedPolls(pipeline, WebinarModule.SYSTEM)) {
            events.awaitCount(2, WAIT);
            vendor.server().answerPath("/eventsessions/" + bad.id, 503);
            world.start(bad.id, t0.plusSeconds(600));
            world.start(good.id, t0.plusSeconds(700));

            List<SessionEvent> third = EventAssertions.events(events.awaitCount(3, WAIT));
            assertThat(third.get(2)).extracting(SessionEvent::subject, e -> e.type().type())
                    .containsExactly(good.id, "sessionflow.session.started");
            polls.awaitQuiet(WAIT);
            assertThat(events.readToEnd()).as("the failing session's state did not move: nothing of it").hasSize(3);

            vendor.server().heal("/eventsessions/" + bad.id);
            List<SessionEvent> all = EventAssertions.events(events.awaitCount(4, WAIT));
            assertThat(all.get(3)).as("read again once it answers, with the vendor's time")
                    .extracting(SessionEvent::subject, e -> e.type().type(), SessionEvent::time)
                    .containsExactly(bad.id, "sessionflow.session.started", t0.plusSeconds(600));
            polls.awaitQuiet(WAIT);
            assertThat(events.readToEnd()).hasSize(4);
        }
    }

    /**
     * Item 4: one 404 deleted a session forever. Now a 404 is believed when the next poll answers 404 too, and the
     * count is kept in the state topic, so a restart between the two answers keeps it.
     */
    @Test
    void a404IsBelievedOnlyWhenTheNextPollAnswers404TooAndARestartKeepsTheCount() {
        WebinarWorld.Session s = world.schedule("Quarterly results", t0, t0.plusSeconds(7200));
        String path = "/eventsessions/" + s.id;
        pipeline = Pipeline.start(settings());
        io.sessionflow.kafka.Topics topics = pipeline.topics();
        try (TopicReader events = pipeline.read(topics.events());
             TopicReader state = pipeline.read(topics.state());
             CommittedPolls polls = new CommittedPolls(pipeline, WebinarModule.SYSTEM)) {
            events.awaitCount(1, WAIT);
            // a listed session whose entry is unchanged is not read; one the schedule stops showing is read each poll
            world.unlist(s.id);
            // one 404, then the session answers again: not deleted
            vendor.server().answerPath(path, 404, 0);
            awaitNotFoundCount(state, s.id, 1);
            awaitNotFoundCount(state, s.id, 0);
            polls.awaitQuiet(WAIT);
            assertThat(events.readToEnd()).as("a single 404 deletes nothing").hasSize(1);

            // one 404, then server errors (which move nothing): the count stays 1 across a restart
            vendor.server().answerPath(path, 404, 503);
            awaitNotFoundCount(state, s.id, 1);
        }
        pipeline.close();
        pipeline = Pipeline.startOn(topics, settings(), Clock.systemUTC());
        vendor.server().answerPath(path, 404, 503);
        try (TopicReader events = pipeline.read(topics.events());
             CommittedPolls polls = new CommittedPolls(pipeline, WebinarModule.SYSTEM)) {
            List<SessionEvent> all = EventAssertions.events(events.awaitCount(2, WAIT));
            assertThat(all.get(1)).as("the first 404 after the restart is the second in a row")
                    .extracting(SessionEvent::subject, e -> e.type().type())
                    .containsExactly(s.id, "sessionflow.session.deleted");
            polls.awaitQuiet(WAIT);
            assertThat(events.readToEnd()).hasSize(2);
        }
    }

    /**
     * Item 4: a deletion concluded from 404s is undone when the vendor lists the session again: reopened (back to
     * scheduled), and its later steps are published with ids of their own; {@code verify}'s checks accept the stream.
     */
    @Test
    void aDeletionConcludedFrom404sIsUndoneWhenTheVendorListsTheSessionAgain() {
        WebinarWorld.Session s = world.schedule("Quarterly results", t0, t0.plusSeconds(7200));
        pipeline = Pipeline.start(settings());
        try (TopicReader events = pipeline.read(pipeline.topics().events());
             CommittedPolls polls = new CommittedPolls(pipeline, WebinarModule.SYSTEM)) {
            events.awaitCount(1, WAIT);
            world.delete(s.id);
            events.awaitCount(2, WAIT);
            world.restore(s.id);
            List<SessionEvent> reopened = EventAssertions.events(events.awaitCount(3, WAIT));
            assertThat(reopened.get(2)).extracting(e -> e.type().type(), e -> e.data().status().value())
                    .containsExactly("sessionflow.session.reopened", "scheduled");
            world.start(s.id, t0.plusSeconds(7200));
            world.stop(s.id, t0.plusSeconds(9000));
            events.awaitCount(5, WAIT);
            polls.awaitQuiet(WAIT);

            List<SessionEvent> all = EventAssertions.events(events.readToEnd());
            assertThat(all).extracting(e -> e.type().type(), e -> e.data().status().value()).containsExactly(
                    tuple("sessionflow.session.scheduled", "scheduled"),
                    tuple("sessionflow.session.deleted", "deleted"),
                    tuple("sessionflow.session.reopened", "scheduled"),
                    tuple("sessionflow.session.started", "started"),
                    tuple("sessionflow.session.ended", "ended"));
            VerifyReport report = StreamChecks.check(all, null);
            assertThat(report.duplicateIds()).isEmpty();
            assertThat(report.orderViolations()).isEmpty();
        }
    }

    /** Waits for the latest state record of the session to say how many 404s in a row it has had. */
    private static void awaitNotFoundCount(TopicReader state, String sessionId, int count) {
        String key = "session:webinar:" + sessionId;
        state.awaitUntil(records -> {
            JsonNode latest = null;
            for (ConsumerRecord<String, byte[]> r : records) {
                if (key.equals(r.key()) && r.value() != null) {
                    latest = read(r.value());
                }
            }
            return latest != null && latest.path("inference").path("notFound").asInt(0) == count;
        }, WAIT);
    }

    private static JsonNode read(byte[] value) {
        try {
            return EventJson.mapper().readTree(value);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
