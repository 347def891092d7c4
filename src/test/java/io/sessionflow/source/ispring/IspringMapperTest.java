package io.sessionflow.source.ispring;

import io.sessionflow.event.SourceAccount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionflow.event.EventJson;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.event.SystemId;
import io.sessionflow.source.FetchResult;
import io.sessionflow.source.PollBatch;
import io.sessionflow.source.SnapshotPoller;
import io.sessionflow.testing.EventAssertions;
import io.sessionflow.track.InMemoryKnownSessions;
import io.sessionflow.track.MissingPolicy;
import io.sessionflow.track.SessionTracker;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The document's example answer (two sessions, one with {@code xsi:nil} instructor, offsets -07:00 and +03:00,
 * in the document's .com namespace) to the exact events of the reviewed expected file.
 */
class IspringMapperTest {
    private static final String TRAINING = "b431d5a0-2d14-11ed-b56c-0242c0a87043";
    /** Session 1 (22:30Z to 00:30Z) has begun, session 2 (09:30Z on 11 April) has not. */
    private static final Instant FIRST_POLL = Instant.parse("2023-04-01T00:00:00Z");

    private final SessionTracker tracker = new SessionTracker(new InMemoryKnownSessions());

    @Test
    void documentExampleGivesTheExpectedEvents() throws Exception {
        PollBatch batch = poll(FIRST_POLL);

        assertThat(batch.deadLetters()).isEmpty();
        batch.events().forEach(e -> EventAssertions.assertValid(EventJson.toBytes(e)));
        JsonNode actual = EventJson.mapper().readTree(EventJson.toBytes(batch.events()));
        assertThat(actual).isEqualTo(expected("list-sessions-by-training.expected.json"));
    }

    @Test
    void theClockPassingStartAndEndInfersTheRestOnceAndNothingIsRepeated() throws Exception {
        tracker.commit(poll(FIRST_POLL).transitions());
        Instant later = Instant.parse("2023-04-11T11:00:00Z");

        PollBatch afterBothEnded = poll(later);
        assertThat(afterBothEnded.events()).extracting(SessionEvent::subject, e -> e.type().type(), SessionEvent::time,
                        e -> e.data().inferred())
                .containsExactly(
                        tuple("4728d100-c96a-11ed-a664-b6c48b3dc692", "sessionflow.session.ended",
                                Instant.parse("2023-04-01T00:30:00Z"), true),
                        tuple("0b0de6ac-d841-11ed-bc77-9af23e8ed4b1", "sessionflow.session.started",
                                Instant.parse("2023-04-11T09:30:00Z"), true),
                        tuple("0b0de6ac-d841-11ed-bc77-9af23e8ed4b1", "sessionflow.session.ended",
                                Instant.parse("2023-04-11T10:30:00Z"), true));
        assertThat(afterBothEnded.events()).allSatisfy(e -> assertThat(e.data().durationSeconds())
                .isEqualTo(e.data().attributes().get("plannedDurationSeconds")));
        tracker.commit(afterBothEnded.transitions());

        assertThat(poll(later.plusSeconds(60)).events()).as("the same answer again").isEmpty();
    }

    @Test
    void aSessionWithoutOffsetGoesToTheDeadLetterTopicAndTheOthersArePublished() throws Exception {
        var result = IspringFixtures.result("list-sessions-by-training.xml");
        result.getTrainingSession().get(0).setStartTime("2023-03-31 15:30");
        var records = IspringFixtures.records(TRAINING, result);

        PollBatch batch = new SnapshotPoller<>(SourceAccount.defaultOf(IspringModule.SYSTEM), (now, known) -> new FetchResult<>(List.of(), records,
                Set.of(TRAINING), List.of()), new IspringMapper(), MissingPolicy.DELETED, tracker,
                Clock.fixed(FIRST_POLL, ZoneOffset.UTC)).poll();

        assertThat(batch.events()).extracting(SessionEvent::subject).containsOnly("0b0de6ac-d841-11ed-bc77-9af23e8ed4b1");
        assertThat(batch.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.reason()).isEqualTo("iSpring trainingSession 4728d100-c96a-11ed-a664-b6c48b3dc692 startTime"
                    + " '2023-03-31 15:30' is not a date-time with offset");
            assertThat(d.endpoint()).isEqualTo("ListSessionsByTraining trainingId=" + TRAINING);
            assertThat(d.raw()).contains("<title>Сессия 1</title>").contains("<startTime>2023-03-31 15:30</startTime>").contains("xsi:nil=\"true\"");
        });
    }

    private PollBatch poll(Instant at) throws Exception {
        FetchResult<IspringPayload> fetched = new FetchResult<>(List.of(),
                IspringFixtures.records(TRAINING, IspringFixtures.result("list-sessions-by-training.xml")),
                Set.of(TRAINING), List.of());
        return new SnapshotPoller<>(SourceAccount.defaultOf(IspringModule.SYSTEM), (now, known) -> fetched, new IspringMapper(),
                MissingPolicy.DELETED, tracker, Clock.fixed(at, ZoneOffset.UTC)).poll();
    }

    private static JsonNode expected(String name) throws Exception {
        try (InputStream in = IspringMapperTest.class.getResourceAsStream("/fixtures/ispring/" + name)) {
            return EventJson.mapper().readTree(in);
        }
    }
}
