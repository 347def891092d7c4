package io.sessionflow.source.webinar;

import io.sessionflow.event.SourceAccount;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionflow.event.EventJson;
import io.sessionflow.event.SystemId;
import io.sessionflow.source.FetchResult;
import io.sessionflow.source.Json;
import io.sessionflow.source.PollBatch;
import io.sessionflow.source.SnapshotPoller;
import io.sessionflow.source.SourceRecord;
import io.sessionflow.testing.EventAssertions;
import io.sessionflow.testing.GoldenFile;
import io.sessionflow.track.InMemoryKnownSessions;
import io.sessionflow.track.MissingPolicy;
import io.sessionflow.track.SessionTracker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each fixture from the webinar.ru document -> the exact events (or dead letter) of a first sight. */
class WebinarMapperTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/webinar");

    @ParameterizedTest
    @ValueSource(strings = {"event-5387-session-6345", "eventsession-6784-no-status", "eventsession-6214-stopped",
        "eventsession-6214-local-times",
        "eventsession-live"})
    void fixtureYieldsExactlyTheExpectedEvents(String name) throws IOException {
        JsonNode fixture = Json.mapper().readTree(Files.readAllBytes(FIXTURES.resolve(name + ".json")));
        Instant observedAt = Instant.parse(fixture.get("observedAt").asText());
        PollBatch batch = pollOnce(fixture, observedAt);

        batch.events().forEach(e -> EventAssertions.assertValid(EventJson.toBytes(e)));
        GoldenFile.assertMatches(FIXTURES.resolve(name + ".expected.json"),
                Map.of("events", batch.events(), "deadLetters", batch.deadLetters()));
    }

    /** The real poll pipeline (map each record, dead-letter failures, diff) over one fixture record. */
    private static PollBatch pollOnce(JsonNode fixture, Instant observedAt) {
        JsonNode session = fixture.get("eventSession");
        String id = Json.text(session, "id");
        WebinarPayload payload = new WebinarPayload(id, session, Json.elements(fixture.get("participations")),
                WebinarPayload.visitorsOf(id, Json.elements(fixture.get("statsUsers"))), null);
        SourceRecord<WebinarPayload> record = new SourceRecord<>(null, "GET /eventsessions/" + id, payload,
                session.toString());
        SnapshotPoller<WebinarPayload> poller = new SnapshotPoller<>(SourceAccount.defaultOf(WebinarModule.SYSTEM),
                (now, known) -> new FetchResult<>(List.of(), List.of(record), Set.of(), List.of()),
                new WebinarMapper(), MissingPolicy.IGNORE, new SessionTracker(new InMemoryKnownSessions()),
                Clock.fixed(observedAt, ZoneOffset.UTC));
        return poller.poll();
    }
}
