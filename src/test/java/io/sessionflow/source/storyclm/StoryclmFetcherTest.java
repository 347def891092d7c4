package io.sessionflow.source.storyclm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sessionflow.event.SystemId;
import io.sessionflow.source.FetchResult;
import io.sessionflow.source.Json;
import io.sessionflow.source.SourceRecord;
import io.sessionflow.source.http.HttpCall;
import io.sessionflow.source.http.HttpReply;
import io.sessionflow.source.http.VendorHttp;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The StoryCLM commands a poll sends and what it makes of the answers, against a scripted bridge: the list,
 * and the getsessionbyid check that stands between "missing from the list" and "deleted".
 */
class StoryclmFetcherTest {
    private static final String DIR = "fixtures/storyclm/";
    private static final String GONE = "5D3EF7290C2748978F690B3E5B9AF3B6";
    private final Instant now = Instant.parse("2017-06-13T10:00:00Z");
    private final SessionTracker tracker = new SessionTracker(new InMemoryKnownSessions());
    private final List<String> sent = new ArrayList<>();
    private final List<String> authorizations = new ArrayList<>();
    private JsonNode listAnswer = Fixtures.json(DIR + "getsessions-later.json");
    private JsonNode byIdAnswer;

    @BeforeEach
    void knowTheDocumentsTwoSessions() {
        StoryclmMapper mapper = new StoryclmMapper();
        Instant before = now.minus(Duration.ofDays(3));
        tracker.commit(tracker.diff(StoryclmModule.SYSTEM,
                Json.elements(Fixtures.json(DIR + "getsessions.json").get("Data")).stream()
                        .map(s -> mapper.map(new SourceRecord<>(StoryclmFetcher.SCOPE, "test",
                                new StoryclmPayload(s), s.toString()), before)).toList(),
                Set.of(StoryclmFetcher.SCOPE), MissingPolicy.DELETED, before));
    }

    @Test
    void sendsTheDocumentedCommandsWithTheBearerToken() {
        byIdAnswer = envelope(404, "not found", null);

        fetch();

        assertThat(sent).containsExactly("{\"Command\":\"getsessions\",\"Data\":{}}",
                "{\"Command\":\"getsessionbyid\",\"Data\":{\"id\":\"" + GONE + "\"}}");
        assertThat(authorizations).containsOnly("Bearer tok");
    }

    @Test
    void sessionMissingFromTheListButStillFoundByIdIsKept() {
        ObjectNode stillThere = (ObjectNode) Json.elements(Fixtures.json(DIR + "getsessions.json").get("Data")).get(1);
        byIdAnswer = envelope(200, "no error", stillThere);

        FetchResult<StoryclmPayload> result = fetch();

        assertThat(result.records()).extracting(SourceRecord::endpoint)
                .containsExactly("POST getsessions", "POST getsessions", "POST getsessions",
                        "POST getsessionbyid " + GONE);
        assertThat(result.completeScopes()).containsExactly(StoryclmFetcher.SCOPE);
    }

    @Test
    void notFoundAnswerLeavesTheSessionMissingFromACompleteList() {
        byIdAnswer = envelope(404, "not found", null);

        FetchResult<StoryclmPayload> result = fetch();

        assertThat(result.records()).extracting(r -> Json.text(r.payload().session(), "id")).doesNotContain(GONE)
                .hasSize(3);
        assertThat(result.completeScopes()).containsExactly(StoryclmFetcher.SCOPE);
        assertThat(result.raw()).extracting(r -> r.endpoint())
                .containsExactly("POST getsessions", "POST getsessionbyid " + GONE);
    }

    @Test
    void outageWhileConfirmingFailsThePollInsteadOfDeleting() {
        byIdAnswer = envelope(500, "internal error", null);

        assertThatThrownBy(this::fetch)
                .isInstanceOf(StoryclmCommandException.class)
                .hasMessage(
                        "StoryCLM getsessionbyid failed: ErrorCode 500, Status 'internal error', ErrorMessage 'boom'");
    }

    @Test
    void errorEnvelopeForTheListFailsThePoll() {
        listAnswer = Fixtures.json(DIR + "error-envelope.json");

        assertThatThrownBy(this::fetch).isInstanceOf(StoryclmCommandException.class)
                .hasMessageContaining("ErrorCode 401");
        assertThat(sent).hasSize(1);
    }

    @Test
    void onlyClientErrorsAboutTheIdMeanNotFound() {
        assertThat(StoryclmFetcher.saysNotFound(404)).isTrue();
        assertThat(StoryclmFetcher.saysNotFound(400)).isTrue();
        assertThat(StoryclmFetcher.saysNotFound(401)).isFalse();
        assertThat(StoryclmFetcher.saysNotFound(403)).isFalse();
        assertThat(StoryclmFetcher.saysNotFound(429)).isFalse();
        assertThat(StoryclmFetcher.saysNotFound(500)).isFalse();
    }

    private FetchResult<StoryclmPayload> fetch() {
        VendorHttp bridge = this::answer;
        return new StoryclmFetcher(new StoryclmConfig("http://bridge.invalid/cmd", "tok"), bridge)
                .fetch(now, tracker.known());
    }

    private HttpReply answer(HttpCall call) {
        String body = new String(call.body(), StandardCharsets.UTF_8);
        sent.add(body);
        authorizations.add(call.headers().get("Authorization"));
        JsonNode answer = body.contains("\"getsessions\"") ? listAnswer : byIdAnswer;
        return new HttpReply(200, Map.of(), answer.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode envelope(int code, String status, JsonNode data) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("ErrorMessage", code == 200 ? "" : "boom");
        o.put("GUID", "GUID_test");
        o.put("Status", status);
        o.put("ErrorCode", code);
        o.set("Data", data);
        return o;
    }
}
