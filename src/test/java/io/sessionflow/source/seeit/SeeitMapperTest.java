package io.sessionflow.source.seeit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sessionflow.source.FetchResult;
import io.sessionflow.source.Json;
import io.sessionflow.source.SourceRecord;
import io.sessionflow.source.UnmappableRecordException;
import io.sessionflow.testing.MapperFixtures;
import io.sessionflow.track.MissingPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Seeit fixtures (PagedSessionDetails, SessionDetails) through the mapper and one tracker. */
class SeeitMapperTest {
    private final MapperFixtures fixtures = MapperFixtures.polling(SeeitModule.SYSTEM, new SeeitMapper(),
            MissingPolicy.IGNORE, SeeitMapperTest::read);
    private final SeeitMapper mapper = new SeeitMapper();

    @Test
    void pageOfSessionsYieldsEveryStepReachedWithSkippedStepsInferred() {
        fixtures.check("sessions-page", "2026-11-20T09:10:00Z");
    }

    @Test
    void joinedSessionThatFinishesEndsAndTheMobileAppLeaves() {
        fixtures.poll("sessions-page", "2026-11-20T09:10:00Z");

        fixtures.check("session-joined-then-finished", "2026-11-20T09:25:00Z");
    }

    @Test
    void sessionDataBecomingAvailableIsAnUpdate() {
        fixtures.poll("sessions-page", "2026-11-20T09:10:00Z");
        fixtures.poll("session-joined-then-finished", "2026-11-20T09:25:00Z");

        fixtures.check("session-data-available", "2026-11-20T10:00:00Z");
    }

    @Test
    void samePageAgainYieldsNothing() {
        fixtures.poll("sessions-page", "2026-11-20T09:10:00Z");

        assertThat(fixtures.poll("sessions-page", "2026-11-20T09:11:00Z").events()).isEmpty();
    }

    @Test
    void unknownStatusIsRefusedWithTheReason() {
        ObjectNode session = (ObjectNode) fixtures.vendorJson("session-joined-then-finished");
        session.put("sessionStatus", "PAUSED");

        assertThatThrownBy(() -> mapper.map(record(session), Instant.now()))
                .isInstanceOf(UnmappableRecordException.class)
                .hasMessage("Seeit session 4c5d6e7f-9081-4cab-bf90-5b6c7d8e9fa4 has unknown sessionStatus 'PAUSED'");
    }

    @Test
    void uuidThatIsNoUuidIsRefusedSinceItWouldBecomeAUrlPath() {
        ObjectNode session = (ObjectNode) fixtures.vendorJson("session-joined-then-finished");
        session.put("uuid", "../../admin");

        assertThatThrownBy(() -> mapper.map(record(session), Instant.now()))
                .isInstanceOf(UnmappableRecordException.class)
                .hasMessageContaining("is not a UUID");
    }

    /** A page of {@code GET /sessions}, or one session of {@code GET /sessions/{uuid}}, as the fetcher reads each. */
    private static FetchResult<SeeitPayload> read(byte[] text) {
        JsonNode json = Json.parse(text, "Seeit fixture");
        List<JsonNode> sessions = json.has("content") ? SeeitPage.of(json).content() : List.of(json);
        return new FetchResult<>(List.of(), sessions.stream().map(SeeitMapperTest::record).toList(), Set.of(),
                List.of());
    }

    private static SourceRecord<SeeitPayload> record(JsonNode details) {
        return SourceRecord.ofText(null, "GET /sessions", new SeeitPayload(details), details.toString());
    }
}
