package io.sessionflow.source.webinar;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.config.Settings;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.source.FetchResult;
import io.sessionflow.source.http.HttpReply;
import io.sessionflow.source.http.VendorHttp;
import io.sessionflow.track.InMemoryKnownSessions;
import io.sessionflow.track.SessionTracker;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * A live session whose details show it moved on since the schedule was read is left to the next poll, which reads
 * it in order. The poll that left it out is not complete up to its time, so it must not say it is (no watermark):
 * found by WatermarkDeliveryTest, where a participant's join in such a session was covered by a watermark too early.
 */
class WebinarFetcherMovedOnTest {
    private static final String ENTRY = "{\"id\":7,\"eventId\":70,\"status\":\"START\",\"name\":\"Live\","
            + "\"startsAt\":\"2026-11-20T09:00:00+0000\"}";

    @Test
    void aLiveSessionThatStoppedWhileThePollReadItLeavesThePollIncomplete() {
        VendorHttp vendor = call -> switch ("/" + String.join("/", call.segments())) {
            case "/organization/events/schedule" -> json("[{\"id\":70,\"eventSessions\":[" + ENTRY + "]}]");
            case "/eventsessions/7/participations", "/stats/users" -> json("[]");
            case "/eventsessions/7" -> json(ENTRY.replace("START", "STOP"));
            default -> throw new AssertionError("not asked for: " + call.describe());
        };
        SessionTracker tracker = new SessionTracker(new InMemoryKnownSessions());
        WebinarFetcher fetcher = new WebinarFetcher(SourceAccount.defaultOf(WebinarModule.SYSTEM),
                WebinarConfig.from(new WebinarModule().defaultAccount(Settings.from(Map.of(), new Properties(),
                        Map.of("sessionflow.webinar.base-url", "http://vendor.invalid",
                                "sessionflow.webinar.token", "t")))),
                vendor, tracker.inputs(WebinarModule.SYSTEM));

        FetchResult<WebinarPayload> fetched = fetcher.fetch(Instant.parse("2026-11-20T10:00:00Z"), tracker.known());

        assertThat(fetched.records()).as("the session is read again, in order, next poll").isEmpty();
        assertThat(fetched.failedParts()).as("so this poll is not complete").singleElement().asString()
                .contains("moved on");
    }

    private static HttpReply json(String body) {
        return new HttpReply(200, Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
    }
}
