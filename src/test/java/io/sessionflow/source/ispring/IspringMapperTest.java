package io.sessionflow.source.ispring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sessionflow.event.SessionEvent;
import io.sessionflow.source.FetchResult;
import io.sessionflow.source.PollBatch;
import io.sessionflow.testing.MapperFixtures;
import io.sessionflow.track.MissingPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The document's example answer (two sessions, one with {@code xsi:nil} instructor, offsets -07:00 and +03:00,
 * in the document's .com namespace) to the exact events of the reviewed expected file.
 */
class IspringMapperTest {
    private static final String TRAINING = "b431d5a0-2d14-11ed-b56c-0242c0a87043";
    private static final String ANSWER = "list-sessions-by-training";
    /** Session 1 (22:30Z to 00:30Z) has begun, session 2 (09:30Z on 11 April) has not. */
    private static final String FIRST_POLL = "2023-04-01T00:00:00Z";

    private final MapperFixtures fixtures = MapperFixtures.polling(IspringModule.SYSTEM, new IspringMapper(),
            MissingPolicy.DELETED, IspringMapperTest::read);

    @Test
    void documentExampleGivesTheExpectedEvents() {
        fixtures.check(ANSWER, FIRST_POLL);
    }

    @Test
    void theClockPassingStartAndEndInfersTheRestOnceAndNothingIsRepeated() {
        fixtures.poll(ANSWER, FIRST_POLL);

        PollBatch afterBothEnded = fixtures.poll(ANSWER, "2023-04-11T11:00:00Z");
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

        assertThat(fixtures.poll(ANSWER, "2023-04-11T11:01:00Z").events()).as("the same answer again").isEmpty();
    }

    @Test
    void aSessionWithoutOffsetGoesToTheDeadLetterTopicAndTheOthersArePublished() {
        PollBatch batch = fixtures.poll(ANSWER, FIRST_POLL,
                xml -> xml.replace("2023-03-31T15:30:00-07:00", "2023-03-31 15:30"));

        assertThat(batch.events())
                .extracting(SessionEvent::subject)
                .containsOnly("0b0de6ac-d841-11ed-bc77-9af23e8ed4b1");
        assertThat(batch.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.reason())
                    .isEqualTo("iSpring trainingSession 4728d100-c96a-11ed-a664-b6c48b3dc692 startTime"
                            + " '2023-03-31 15:30' is not a date-time with offset");
            assertThat(d.endpoint()).isEqualTo("ListSessionsByTraining trainingId=" + TRAINING);
            assertThat(d.raw())
                    .contains("<title>Сессия 1</title>")
                    .contains("<startTime>2023-03-31 15:30</startTime>")
                    .contains("xsi:nil=\"true\"");
        });
    }

    /** The training's answer as the fetcher reads it (the reader re-derivation uses for archived answers). */
    private static FetchResult<IspringPayload> read(byte[] answer) {
        return new FetchResult<>(
                List.of(),
                IspringFetcher.records(TRAINING, IspringAnswerReader.read(TRAINING, answer)),
                Set.of(TRAINING),
                List.of());
    }
}
