package io.sessionflow.event;

import io.sessionflow.source.seeit.SeeitModule;

import io.sessionflow.source.webinar.WebinarModule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void idsAreStableVersion5UuidsOfTheirInputs() {
        String id = EventIds.of(WebinarModule.SYSTEM, "6784", EventType.SESSION_STARTED, "");
        assertThat(EventIds.of(WebinarModule.SYSTEM, "6784", EventType.SESSION_STARTED, "")).isEqualTo(id);
        UUID uuid = UUID.fromString(id);
        assertThat(uuid.version()).isEqualTo(5);
        assertThat(uuid.variant()).isEqualTo(2);
        // pinned, and computed independently with Python's uuid.uuid5(namespace, name): a change of this value
        // would break every consumer's deduplication across versions
        assertThat(id).isEqualTo("2d788113-5b2c-5920-b42c-b405b1c0648f");
    }

    @Test
    void everyInputChangesTheId() {
        String base = EventIds.of(WebinarModule.SYSTEM, "1", EventType.SESSION_UPDATED, "x");
        assertThat(base)
                .isNotEqualTo(EventIds.of(SeeitModule.SYSTEM, "1", EventType.SESSION_UPDATED, "x"))
                .isNotEqualTo(EventIds.of(WebinarModule.SYSTEM, "2", EventType.SESSION_UPDATED, "x"))
                .isNotEqualTo(EventIds.of(WebinarModule.SYSTEM, "1", EventType.SESSION_ENDED, "x"))
                .isNotEqualTo(EventIds.of(WebinarModule.SYSTEM, "1", EventType.SESSION_UPDATED, "y"));
        // the separator keeps ("1", "2x") and ("12", "x") apart
        assertThat(EventIds.of(WebinarModule.SYSTEM, "1", EventType.SESSION_UPDATED, "2x"))
                .isNotEqualTo(EventIds.of(WebinarModule.SYSTEM, "12", EventType.SESSION_UPDATED, "x"));
    }
}
