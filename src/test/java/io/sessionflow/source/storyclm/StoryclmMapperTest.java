package io.sessionflow.source.storyclm;

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

/** StoryCLM envelopes from the vendor document through the envelope check, the mapper and one tracker. */
class StoryclmMapperTest {
    private final MapperFixtures fixtures = MapperFixtures.polling(StoryclmModule.SYSTEM, new StoryclmMapper(),
            MissingPolicy.DELETED, StoryclmMapperTest::read);
    private final StoryclmMapper mapper = new StoryclmMapper();

    @Test
    void documentExampleOfFinishedSessionsYieldsInferredStartAndEndInUtc() {
        fixtures.check("getsessions", "2017-06-10T00:00:00Z");
    }

    @Test
    void flagsFlippedSessionsStartedAndSessionGoneFromTheListAreUpdateStartedDeleted() {
        fixtures.poll("getsessions", "2017-06-10T00:00:00Z");

        fixtures.check("getsessions-later", "2017-06-13T10:00:00Z");
    }

    @Test
    void runningSessionThatFinishesEndsAndSlideChangesAreUpdates() {
        fixtures.poll("getsessions", "2017-06-10T00:00:00Z");
        fixtures.poll("getsessions-later", "2017-06-13T10:00:00Z");

        fixtures.check("getsessions-finished", "2017-06-13T11:00:00Z");
    }

    @Test
    void sameListAgainYieldsNothing() {
        fixtures.poll("getsessions", "2017-06-10T00:00:00Z");

        assertThat(fixtures.poll("getsessions", "2017-06-10T00:01:00Z").events()).isEmpty();
    }

    @Test
    void getsessionbyidEnvelopeMapsLikeAListedSession() {
        fixtures.check("getsessionbyid", "2017-06-14T00:00:00Z");
    }

    @Test
    void errorEnvelopeIsAnErrorQuotingCodeStatusAndMessage() {
        assertThatThrownBy(() -> StoryclmEnvelope.of(fixtures.vendorJson("error-envelope"), "getsessions"))
                .isInstanceOf(StoryclmCommandException.class)
                .hasMessage("StoryCLM getsessions failed: ErrorCode 401, Status 'unauthorized', "
                        + "ErrorMessage 'Access token has expired'")
                .satisfies(e -> assertThat(((StoryclmCommandException) e).errorCode()).isEqualTo(401));
    }

    @Test
    void sessionWithoutOffsetIsRefusedRatherThanPlacedInTheWrongHour() {
        ObjectNode session = (ObjectNode) firstListed();
        session.remove("offset");

        assertThatThrownBy(() -> mapper.map(record(session), Instant.now()))
                .isInstanceOf(UnmappableRecordException.class)
                .hasMessage("StoryCLM session 46DAE276897C43B0B27BE522AE7774AA: no 'offset', so its local times "
                        + "cannot be placed in UTC");
    }

    @Test
    void fractionalOffsetIsHonoured() {
        ObjectNode session = (ObjectNode) firstListed();
        session.put("offset", "5.5");

        assertThat(mapper.map(record(session), Instant.now()).data().startedAt())
                .isEqualTo(Instant.parse("2017-06-09T13:30:48Z"));
    }

    private JsonNode firstListed() {
        return StoryclmEnvelope.of(fixtures.vendorJson("getsessions"), "getsessions").data().get(0);
    }

    /**
     * A getsessions answer (the complete list: what is missing from it was deleted), or a getsessionbyid answer (one
     * session, saying nothing of the others), each through the envelope check as the fetcher reads it.
     */
    private static FetchResult<StoryclmPayload> read(byte[] text) {
        JsonNode answer = Json.parse(text, "StoryCLM fixture");
        boolean list = answer.path("Data").isArray();
        JsonNode data = StoryclmEnvelope.of(answer, list ? "getsessions" : "getsessionbyid").data();
        List<SourceRecord<StoryclmPayload>> records = (list ? Json.elements(data) : List.of(data)).stream()
                .map(StoryclmMapperTest::record).toList();
        return new FetchResult<>(List.of(), records, list ? Set.of(StoryclmFetcher.SCOPE) : Set.of(), List.of());
    }

    private static SourceRecord<StoryclmPayload> record(JsonNode session) {
        return SourceRecord.ofText(StoryclmFetcher.SCOPE, "POST getsessions", new StoryclmPayload(session),
                session.toString());
    }
}
