package io.sessionflow.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.event.EventType;
import io.sessionflow.event.Person;
import io.sessionflow.event.SessionData;
import io.sessionflow.event.SessionStatus;
import io.sessionflow.source.seeit.SeeitModule;
import io.sessionflow.source.webinar.WebinarModule;
import io.sessionflow.testing.DatabindReference;
import io.sessionflow.track.KnownSession;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Session state records are streamed, but stay the JSON databind wrote for the record ({@link DatabindReference}):
 * records already on the compacted topic and new ones are read back alike by the restore.
 */
class StateRecordsTest {
    private final SessionData data = SessionData.builder(WebinarModule.SYSTEM, WebinarModule.KIND, "6345")
            .status(SessionStatus.STARTED)
            .title("Вебинар \"A\"")
            .startedAt(Instant.parse("2026-11-20T09:05:00.250Z"))
            .owner(new Person("274", "Yuri", null, null, null))
            .attribute("timezone", "Europe/Moscow")
            .attribute("lectors", List.of("274"))
            .build();
    private final KnownSession session = new KnownSession("5387", "sessionflow/webinar/1",
            List.of(EventType.SESSION_SCHEDULED, EventType.SESSION_STARTED), "0123456789abcdef0123456789abcdef",
            Set.of("v1", "v2", "v3"), Set.of("v2"), data,
            new io.sessionflow.track.UpdateHistory(3, Set.of("00000000000000000000000000000001")),
            Instant.parse("2026-11-20T10:00:00.5Z"));

    @Test
    void sessionValueIsByteForByteWhatDatabindWroteForTheRecord() throws Exception {
        assertThat(new String(StateRecords.value(session), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(DatabindReference.json(session));
        KnownSession unscoped = new KnownSession(null, "sessionflow/seeit", List.of(), "f", Set.of(), Set.of(),
                SessionData.builder(SeeitModule.SYSTEM, SeeitModule.KIND, "u").build());
        assertThat(StateRecords.value(unscoped)).isEqualTo(DatabindReference.bytes(unscoped));
    }

    @Test
    void restoreReadsTheSessionBack() {
        assertThat(StateRecords.session(StateRecords.value(session))).isEqualTo(session);
    }

    @Test
    void aRecordWrittenBeforeUpdatesWereCountedOrClosingTimesKeptReadsAsNoneYet() {
        String old = "{\"scope\":null,\"source\":\"sessionflow/seeit\",\"reached\":[],\"fingerprint\":\"f\","
                + "\"joined\":[],\"left\":[],\"data\":{\"system\":\"seeit\",\"sessionId\":\"u\"},"
                + "\"open\":true,\"deleted\":false}";
        assertThat(StateRecords.session(old.getBytes(java.nio.charset.StandardCharsets.UTF_8)).updates())
                .isEqualTo(io.sessionflow.track.UpdateHistory.NONE);
        assertThat(StateRecords.session(old.getBytes(java.nio.charset.StandardCharsets.UTF_8)).closedAt()).isNull();
    }
}
