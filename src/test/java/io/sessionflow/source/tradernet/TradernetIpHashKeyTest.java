package io.sessionflow.source.tradernet;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.event.SessionEvent;
import io.sessionflow.testing.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated IP hash key lives in a file; a redeploy that loses it (a container without a volume) makes a new
 * key, and every open session then gets a session.updated with new hashes. That is said clearly at start.
 */
class TradernetIpHashKeyTest {
    private final TradernetHarness h = new TradernetHarness();
    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void aLostGeneratedKeyIsReportedAtStartBeforeTheUpdatesItCauses() throws Exception {
        Path keyFile = dir.resolve("data").resolve("ip-hash.key");
        h.world.open(
                "virtual@virtual.com",
                "SMS",
                Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofHours(1)),
                Duration.ofHours(24),
                "19.16.32.32");
        try (LogCapture logs = new LogCapture()) {
            h.start("websocket", Map.of("sessionflow.privacy.ip-hash-key", "",
                    "sessionflow.privacy.ip-hash-key-file", keyFile.toString()));
            h.awaitEvents(1);
            assertThat(logs.lines()).anyMatch(l -> l.contains("generated the IP hash key in " + keyFile))
                    .noneMatch(l -> l.contains("is gone although"));

            Files.delete(keyFile); // a redeploy that did not keep data/
            h.restart();
            List<SessionEvent> events = h.awaitEvents(2);
            assertThat(events.get(1).type().type())
                    .as("what the warning announces")
                    .isEqualTo("sessionflow.session.updated");
            assertThat(logs.lines()).filteredOn(l -> l.contains("is gone although")).singleElement().asString()
                    .contains(keyFile.toString(), "holds 1 open Tradernet sessions", "session.updated",
                            "SESSIONFLOW_PRIVACY_IP_HASH_KEY");
        }
    }
}
