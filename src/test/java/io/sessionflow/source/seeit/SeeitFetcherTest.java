package io.sessionflow.source.seeit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sessionflow.event.SystemId;
import io.sessionflow.source.FetchResult;
import io.sessionflow.source.Json;
import io.sessionflow.source.SourceRecord;
import io.sessionflow.source.http.HttpCall;
import io.sessionflow.source.http.HttpReply;
import io.sessionflow.source.http.VendorCallException;
import io.sessionflow.testing.Fixtures;
import io.sessionflow.track.InMemoryKnownSessions;
import io.sessionflow.track.MissingPolicy;
import io.sessionflow.track.SessionTracker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Seeit requests of one poll and what it keeps of the answers, against a scripted API. */
class SeeitFetcherTest {
    private static final String DIR = "fixtures/seeit/";
    private final Instant now = Instant.parse("2026-11-20T09:10:00Z");
    private final SeeitConfig config = new SeeitConfig("http://seeit.invalid/v1", "tok", 2,
            Duration.ofHours(1));
    private final List<JsonNode> sessions = Json.elements(Fixtures.json(DIR + "sessions-page.json").get("content"));
    private final List<HttpCall> calls = new ArrayList<>();
    private final SessionTracker tracker = new SessionTracker(new InMemoryKnownSessions());

    @Test
    void readsEveryPageOfTheLookBackWindowOldestFirst() {
        FetchResult<SeeitPayload> result = fetch(sessions, Map.of());

        long start = now.minus(Duration.ofHours(1)).toEpochMilli();
        assertThat(calls)
                .extracting(HttpCall::describe)
                .containsExactly(
                        "GET /sessions?startTime=" + start + "&endTime=" + now.toEpochMilli()
                                + "&page=0&size=2&sort=sessionCreateTime%2Casc",
                        "GET /sessions?startTime=" + start + "&endTime=" + now.toEpochMilli()
                                + "&page=1&size=2&sort=sessionCreateTime%2Casc",
                        "GET /sessions?startTime=" + start + "&endTime=" + now.toEpochMilli()
                                + "&page=2&size=2&sort=sessionCreateTime%2Casc");
        assertThat(calls).extracting(c -> c.headers().get("Authorization")).containsOnly("Bearer tok");
        assertThat(result.records()).hasSize(5);
        assertThat(result.raw()).hasSize(3);
        assertThat(result.completeScopes()).as("a window is never complete").isEmpty();
    }

    @Test
    void openSessionsTheWindowNoLongerListsAreFetchedByUuidAndForgottenOnesHandedOnAsNotFound() {
        SeeitMapper mapper = new SeeitMapper();
        tracker.commit(tracker.diff(
                SeeitModule.SYSTEM,
                sessions.stream()
                        .map(s -> mapper.map(new SourceRecord<>(null, "test", new SeeitPayload(s), s.toString()), now))
                        .toList(),
                Set.of(),
                MissingPolicy.IGNORE,
                now));
        JsonNode started = sessions.get(3);
        String startedUuid = Json.text(started, "uuid");
        String joinedUuid = Json.text(sessions.get(4), "uuid");

        FetchResult<SeeitPayload> result = fetch(List.of(), Map.of(startedUuid, started));

        assertThat(calls).extracting(HttpCall::describe).as("open ones only: CREATED, STARTED, JOINED")
                .contains("GET /sessions/" + startedUuid, "GET /sessions/" + joinedUuid)
                .doesNotContain("GET /sessions/" + Json.text(sessions.get(0), "uuid"));
        assertThat(result.records()).filteredOn(r -> !r.payload().isGone())
                .extracting(r -> Json.text(r.payload().details(), "uuid")).containsExactly(startedUuid);
        assertThat(result.records()).filteredOn(r -> r.payload().isGone())
                .as("sessions answered with 404 are handed on as such, with what they were (the tracker confirms)")
                .extracting(r -> r.payload().lastKnown().sessionId())
                .containsExactlyInAnyOrderElementsOf(sessions.stream()
                        .filter(s -> !Json.text(s, "sessionStatus").equals("FINISHED"))
                        .map(s -> Json.text(s, "uuid")).filter(uuid -> !uuid.equals(startedUuid)).toList())
                .contains(joinedUuid);
    }

    /** Serves {@code listed} in pages of the configured size, and {@code byUuid} (404 for any other uuid). */
    private FetchResult<SeeitPayload> fetch(List<JsonNode> listed, Map<String, JsonNode> byUuid) {
        return new SeeitFetcher(config, call -> {
            calls.add(call);
            if (call.segments().size() == 2) {
                JsonNode s = byUuid.get(call.segments().get(1));
                if (s == null) {
                    throw new VendorCallException("seeit " + call.describe() + " answered HTTP 404", 404, null, null);
                }
                return reply(s);
            }
            int page = Integer.parseInt(call.query().stream().filter(e -> e.getKey().equals("page")).findFirst()
                    .orElseThrow().getValue());
            return reply(page(listed, page));
        }).fetch(now, tracker.known());
    }

    private ObjectNode page(List<JsonNode> listed, int page) {
        int size = config.pageSize();
        int totalPages = (listed.size() + size - 1) / size;
        ObjectNode out = Json.mapper().createObjectNode();
        ArrayNode content = out.putArray("content");
        listed.stream().skip((long) page * size).limit(size).forEach(content::add);
        ArrayNode links = out.putArray("links");
        links.addObject().put("rel", "self").put("href", "http://seeit.invalid/v1/sessions?page=" + page);
        if (page + 1 < totalPages) {
            links.addObject().put("rel", "next").put("href", "http://seeit.invalid/v1/sessions?page=" + (page + 1));
        }
        out.putObject("page").put("number", page).put("size", size).put("totalElements", listed.size())
                .put("totalPages", totalPages);
        return out;
    }

    private static HttpReply reply(JsonNode body) {
        return new HttpReply(200, Map.of(), body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
