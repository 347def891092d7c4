package io.sessionflow.source.deskchat;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.source.FetchResult;
import io.sessionflow.source.Json;
import io.sessionflow.testing.MapperFixtures;
import io.sessionflow.track.MissingPolicy;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Deskchat pages through the fetcher's reading, the mapper and one tracker, as every system's fixtures go. */
class DeskchatMapperTest {
    private final MapperFixtures fixtures = MapperFixtures.polling(DeskchatModule.SYSTEM, new DeskchatMapper(),
            MissingPolicy.IGNORE, text -> new FetchResult<>(List.of(),
                    DeskchatFetcher.records("GET /chats?page=0&per_page=20", Json.parse(text, "Deskchat page")),
                    Set.of(), List.of()));

    @Test
    void aFirstPageYieldsEveryStepReachedAndDeadLettersAnUnknownState() {
        fixtures.check("chats-page", "2026-11-22T09:42:00Z");
    }

    @Test
    void aClosedChatEndsTheCustomerLeavesAndANewTopicIsAnUpdate() {
        fixtures.poll("chats-page", "2026-11-22T09:42:00Z");

        fixtures.check("chats-page-later", "2026-11-22T09:50:00Z");
    }

    @Test
    void thePageAgainYieldsNothing() {
        fixtures.poll("chats-page", "2026-11-22T09:42:00Z");

        assertThat(fixtures.poll("chats-page", "2026-11-22T09:43:00Z").events()).isEmpty();
    }
}
