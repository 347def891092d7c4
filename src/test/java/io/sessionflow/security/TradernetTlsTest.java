package io.sessionflow.security;

import static io.sessionflow.testing.Wait.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.source.tradernet.TradernetSimulator;
import io.sessionflow.source.tradernet.TradernetWorld;
import io.sessionflow.testing.LogCapture;
import io.sessionflow.testing.Pipeline;
import io.sessionflow.testing.SelfSignedCertificate;
import io.sessionflow.testing.TopicReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tradernet over TLS on loopback (HTTPS login and snapshot, WSS or socket.io over TLS for the feed) with a
 * self-signed certificate: trusted only through SESSIONFLOW_TLS_TRUSTSTORE, like every other source.
 */
class TradernetTlsTest {
    private static final String LOGIN = "virtual@virtual.com";
    private static final String PASSWORD = "tls-test-password";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private static Map<String, String> settings(TradernetSimulator vendor, String transport) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("sessionflow.tradernet.api-url", vendor.apiUrl());
        s.put(
                "sessionflow.tradernet.ws-url",
                transport.equals("socketio") ? vendor.socketIoUrl() : vendor.webSocketUrl());
        s.put("sessionflow.tradernet.transport", transport);
        s.put("sessionflow.tradernet.login", LOGIN);
        s.put("sessionflow.tradernet.password", PASSWORD);
        s.put("sessionflow.tradernet.reconnect-initial-delay", "300ms");
        s.put("sessionflow.tradernet.reconnect-max-delay", "2s");
        s.put("sessionflow.privacy.ip-hash-key", "tls-test-ip-key");
        return s;
    }

    @ParameterizedTest
    @ValueSource(strings = {"websocket", "socketio"})
    void theConfiguredTruststoreMakesLoginSnapshotAndFeedTrusted(String transport) {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir, "ip:127.0.0.1", "vendor-pass");
        TradernetWorld world = new TradernetWorld(Clock.systemUTC());
        TradernetWorld.Session session = world.open(LOGIN, "Login, password", Instant.now(), Duration.ofHours(24),
                "19.16.32.32");
        try (TradernetSimulator vendor = new TradernetSimulator(world, LOGIN, PASSWORD, cert.server())) {
            assertThat(vendor.apiUrl()).startsWith("https://");
            Map<String, String> s = settings(vendor, transport);
            s.put("sessionflow.tls.truststore", cert.truststore().toString());
            s.put("sessionflow.tls.truststore-password", cert.password());
            try (Pipeline pipeline = Pipeline.start(s);
                 TopicReader events = pipeline.read(pipeline.topics().events())) {
                assertThat(events.awaitCount(1, WAIT)).hasSize(1);
                await().atMost(WAIT).until(() -> vendor.feedSubscribers() >= 1);
                world.prolong(session.id(), session.expire().plusSeconds(3600));
                assertThat(events.awaitCount(2, WAIT)).as("the change came live over the TLS feed").hasSize(2);
            }
        }
    }

    @Test
    void withoutTheTruststoreNothingIsSentAndTheRefusalIsLogged() {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir, "ip:127.0.0.1", "vendor-pass");
        TradernetWorld world = new TradernetWorld(Clock.systemUTC());
        world.open(LOGIN, "Login, password", Instant.now(), Duration.ofHours(24), "19.16.32.32");
        try (TradernetSimulator vendor = new TradernetSimulator(world, LOGIN, PASSWORD, cert.server());
             LogCapture logs = new LogCapture();
             Pipeline pipeline = Pipeline.start(settings(vendor, "websocket"))) {
            await().atMost(WAIT).until(() -> logs.lines().stream().anyMatch(l -> l.contains("Tradernet login failed")));
            assertThat(logs.lines()).filteredOn(l -> l.contains("Tradernet login failed")).first().asString()
                    .contains("refused the vendor's TLS certificate").contains("PKIX path building failed");
            assertThat(vendor.loginCount()).as("the password never went out over an untrusted connection").isZero();
            try (TopicReader events = pipeline.read(pipeline.topics().events())) {
                // no request gets through the handshake: nothing can be published in this run at all
                assertThat(events.readToEnd()).isEmpty();
            }
            assertThat(String.join("\n", logs.lines())).doesNotContain(PASSWORD);
        }
    }
}
