package io.sessionflow.source.tradernet;

import static io.sessionflow.testing.Wait.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.testing.LogCapture;
import io.sessionflow.testing.ObservePort;
import io.sessionflow.testing.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The WebSocket path with a hostile or careless vendor: CR/LF in its error texts forge no log line; the
 * password, the IP hash key and the SIDs reach no log, topic, metric or health output.
 */
class TradernetHostileInputTest {
    private static final String FORGED = "23:59:59.999 ERROR forged line";
    private final TradernetHarness h = new TradernetHarness();

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void crLfInALoginRefusalForgesNoLogLine() {
        h.vendor.failAccount("Invalid login\r\n" + FORGED);
        try (LogCapture logs = new LogCapture()) {
            h.start("websocket");
            await().atMost(TradernetHarness.WAIT)
                    .until(() -> logs.lines().stream().anyMatch(l -> l.contains("forged line")));
            assertThat(logs.lines()).filteredOn(l -> l.contains("forged line"))
                    .allSatisfy(l -> assertThat(l).doesNotContain("\n").doesNotContain("\r"));
        }
    }

    @Test
    void crLfInAFeedErrorForgesNoLogLine() {
        h.world.open("virtual@virtual.com", "Login, password", Instant.now(), Duration.ofHours(1), "19.16.32.32");
        try (LogCapture logs = new LogCapture()) {
            h.start("websocket");
            h.awaitEvents(1);
            h.vendor.failFeed("suspended\r\n" + FORGED);
            h.vendor.dropConnections();
            await().atMost(TradernetHarness.WAIT).until(() -> logs.lines().stream()
                    .anyMatch(l -> l.contains("Tradernet feed answered an error")));
            assertThat(logs.lines()).filteredOn(l -> l.contains("forged line"))
                    .isNotEmpty().allSatisfy(l -> assertThat(l).doesNotContain("\n").doesNotContain("\r"));
        }
    }

    @Test
    void noSecretInLogsTopicsMetricsOrHealth() {
        ObservePort observe = ObservePort.free();
        h.world.open("virtual@virtual.com", "Login, password", Instant.now(), Duration.ofHours(1), "19.16.32.32");
        List<String> exposed = new ArrayList<>();
        try (LogCapture logs = new LogCapture()) {
            var pipeline = h.start("websocket", Map.of("sessionflow.observe.port", String.valueOf(observe.port())));
            h.awaitEvents(1);
            h.vendor.invalidateSids();
            h.vendor.failFeed("Bad SID");
            h.vendor.dropConnections();
            await().atMost(TradernetHarness.WAIT).until(() -> logs.lines().stream()
                    .anyMatch(l -> l.contains("Tradernet feed answered an error")));
            h.vendor.failFeed(null);
            exposed.add(observe.get("/observe/health?data=true&stackTrace=true").body());
            exposed.add(observe.get("/observe/metrics").body());
            for (String topic : List.of(pipeline.topics().events(), pipeline.topics().raw(), pipeline.topics().dlq(),
                    pipeline.topics().state())) {
                try (TopicReader reader = pipeline.read(topic)) {
                    reader.readToEnd().forEach(r -> {
                        exposed.add(r.key() + " " + new String(r.value(), StandardCharsets.UTF_8));
                        r.headers()
                                .forEach(x ->
                                        exposed.add(x.key() + "=" + new String(x.value(), StandardCharsets.UTF_8)));
                    });
                }
            }
            exposed.addAll(logs.lines());
        }
        assertThat(exposed.get(1))
                .contains("sessionflow_events_published_total{account=\"default\",system=\"tradernet\"");
        List<String> secrets = new ArrayList<>(h.vendor.issuedSids());
        secrets.add(TradernetHarness.PASSWORD);
        secrets.add(TradernetHarness.IP_KEY);
        assertThat(h.vendor.issuedSids()).isNotEmpty();
        for (String secret : secrets) {
            assertThat(exposed).noneMatch(text -> text.contains(secret));
        }
    }
}
