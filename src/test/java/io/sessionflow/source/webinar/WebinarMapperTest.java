package io.sessionflow.source.webinar;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionflow.source.FetchResult;
import io.sessionflow.source.Json;
import io.sessionflow.source.SourceRecord;
import io.sessionflow.testing.MapperFixtures;
import io.sessionflow.track.MissingPolicy;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each fixture from the webinar.ru document -> the exact events (or dead letter) of a first sight. */
class WebinarMapperTest {
    private final MapperFixtures fixtures = MapperFixtures.polling(WebinarModule.SYSTEM, new WebinarMapper(),
            MissingPolicy.IGNORE, WebinarMapperTest::read);

    @ParameterizedTest
    @ValueSource(strings = {"event-5387-session-6345", "eventsession-6784-no-status", "eventsession-6214-stopped",
        "eventsession-6214-local-times",
        "eventsession-live"})
    void fixtureYieldsExactlyTheExpectedEvents(String name) {
        fixtures.check(name, "2026-11-22T10:00:00Z");
    }

    /** What the fetcher reads for one event session: the session, its participations, its visitors' connections. */
    private static FetchResult<WebinarPayload> read(byte[] text) {
        JsonNode fixture = Json.parse(text, "webinar.ru fixture");
        JsonNode session = fixture.get("eventSession");
        String id = Json.text(session, "id");
        WebinarPayload payload = new WebinarPayload(id, session, Json.elements(fixture.get("participations")),
                WebinarPayload.visitorsOf(id, Json.elements(fixture.get("statsUsers"))), null);
        SourceRecord<WebinarPayload> record = new SourceRecord<>(null, "GET /eventsessions/" + id, payload,
                session.toString());
        return new FetchResult<>(List.of(), List.of(record), Set.of(), List.of());
    }
}
