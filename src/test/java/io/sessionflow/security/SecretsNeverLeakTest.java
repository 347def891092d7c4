package io.sessionflow.security;

import static io.sessionflow.testing.Wait.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.demo.SimulatedHttpServer.RawAnswer;
import io.sessionflow.source.ispring.IspringSimulator;
import io.sessionflow.source.ispring.IspringWorld;
import io.sessionflow.source.seeit.SeeitSimulator;
import io.sessionflow.source.seeit.SeeitWorld;
import io.sessionflow.source.storyclm.StoryclmSimulator;
import io.sessionflow.source.storyclm.StoryclmWorld;
import io.sessionflow.source.tradernet.TradernetSimulator;
import io.sessionflow.source.tradernet.TradernetWorld;
import io.sessionflow.source.webinar.WebinarSimulator;
import io.sessionflow.source.webinar.WebinarWorld;
import io.sessionflow.testing.LogCapture;
import io.sessionflow.testing.ObservePort;
import io.sessionflow.testing.Pipeline;
import io.sessionflow.testing.ShippedModules;
import io.sessionflow.testing.TopicReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Canary values in every secret setting, every source running against its simulator, Tradernet's login and feed
 * too (one of them refusing its token, so errors are logged and reported): none of them shows up in logs, on any
 * topic (values and headers), in /observe/metrics or in /observe/health with all details. Every secret setting of
 * the catalog has its canary here.
 */
class SecretsNeverLeakTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String WEBINAR = "CANARY-webinar-token-4f1d";
    private static final String SEEIT = "CANARY-seeit-token-9a2c";
    private static final String STORYCLM = "CANARY-storyclm-token-73be";
    private static final String ISPRING = "CANARY-ispring-token-0c58";
    private static final String TRUSTSTORE = "CANARY-truststore-password-e61";
    private static final String TRADERNET = "CANARY-tradernet-password-5d27";
    private static final String IP_HASH_KEY = "CANARY-ip-hash-key-b803";
    private static final List<String> CANARIES = List.of(WEBINAR, SEEIT, STORYCLM, ISPRING, TRUSTSTORE, TRADERNET,
            IP_HASH_KEY);

    @TempDir
    Path dir;

    @Test
    void noCanaryInLogsTopicsMetricsOrHealth() throws Exception {
        Instant now = Instant.now();
        WebinarWorld webinarWorld = new WebinarWorld();
        webinarWorld.schedule("Onboarding", now, now.plusSeconds(3600));
        SeeitWorld seeitWorld = new SeeitWorld();
        seeitWorld.create("tech@example.org", now.minusSeconds(60));
        StoryclmWorld storyclmWorld = new StoryclmWorld();
        storyclmWorld.start(17, "Ольга", now.minusSeconds(60), 3);
        TradernetWorld tradernetWorld = new TradernetWorld(java.time.Clock.systemUTC());
        tradernetWorld.open("virtual@virtual.com", "SMS", now.minusSeconds(60), Duration.ofHours(2), "19.16.32.32");
        IspringWorld ispringWorld = new IspringWorld();
        ispringWorld.addTraining("T1");
        ispringWorld.schedule("T1", "Onboarding", OffsetDateTime.now().plusHours(1), 1800, "Олег Смирнов");
        ObservePort observe = ObservePort.free();

        try (LogCapture logs = new LogCapture();
             // this vendor expects another token: every webinar poll fails with HTTP 401, logged and reported
             WebinarSimulator webinar = new WebinarSimulator(webinarWorld, "the-token-webinar-expects");
             SeeitSimulator seeit = new SeeitSimulator(seeitWorld, SEEIT);
             StoryclmSimulator storyclm = new StoryclmSimulator(storyclmWorld, STORYCLM);
             IspringSimulator ispring = new IspringSimulator(ispringWorld, ISPRING);
             TradernetSimulator tradernet = new TradernetSimulator(tradernetWorld, "virtual@virtual.com", TRADERNET)) {
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("sessionflow.webinar.base-url", webinar.baseUrl());
            settings.put("sessionflow.webinar.token", WEBINAR);
            settings.put("sessionflow.seeit.base-url", seeit.baseUrl());
            settings.put("sessionflow.seeit.token", SEEIT);
            settings.put("sessionflow.storyclm.url", storyclm.url());
            settings.put("sessionflow.storyclm.token", STORYCLM);
            settings.put("sessionflow.ispring.url", ispring.url());
            settings.put("sessionflow.ispring.token", ISPRING);
            settings.put("sessionflow.ispring.training-ids", "T1");
            settings.put("sessionflow.tradernet.api-url", tradernet.apiUrl());
            settings.put("sessionflow.tradernet.ws-url", tradernet.webSocketUrl());
            settings.put("sessionflow.tradernet.login", "virtual@virtual.com");
            settings.put("sessionflow.tradernet.password", TRADERNET);
            settings.put("sessionflow.privacy.ip-hash-key", IP_HASH_KEY);
            settings.put("sessionflow.tls.truststore", emptyTruststore().toString());
            settings.put("sessionflow.tls.truststore-password", TRUSTSTORE);
            for (String system : List.of("webinar", "seeit", "storyclm", "ispring")) {
                settings.put("sessionflow." + system + ".poll-interval", "300ms");
            }
            settings.put("sessionflow.http.retries", "0");
            settings.put("sessionflow.observe.port", String.valueOf(observe.port()));

            // and once, a careless vendor echoes the token it was sent in its error message
            webinar.server()
                    .injectRaw(new RawAnswer(
                            401,
                            Map.of("Content-Type", "application/json"),
                            out -> out.write(("{\"error\":{\"message\":\"token " + WEBINAR + " is not valid\"}}")
                                    .getBytes(StandardCharsets.UTF_8))));
            List<String> exposed = new ArrayList<>();
            try (Pipeline pipeline = Pipeline.start(settings)) {
                try (TopicReader events = pipeline.read(pipeline.topics().events())) {
                    events.awaitUntil(seen -> seen.stream().map(ConsumerRecord::key).map(k -> k.split(":")[0])
                            .distinct().count() == 4, WAIT);
                }
                AtomicReference<String> health = new AtomicReference<>("");
                try {
                    await().atMost(WAIT).ignoreExceptions().until(() -> {
                        health.set(observe.get("/observe/health?data=true").body());
                        return health.get().contains("HTTP 401");
                    });
                } catch (ConditionTimeoutException e) {
                    throw new AssertionError(
                            "health never reported the webinar's HTTP 401; last body: " + health.get(), e);
                }
                exposed.add(observe.get("/observe/health?data=true&stackTrace=true").body());
                exposed.add(observe.get("/observe/health/ready?data=true&stackTrace=true").body());
                exposed.add(observe.get("/observe/metrics").body());
                for (String topic : List.of(pipeline.topics().events(), pipeline.topics().raw(),
                        pipeline.topics().dlq(), pipeline.topics().state())) {
                    try (TopicReader reader = pipeline.read(topic)) {
                        reader.readToEnd().forEach(r -> exposed.add(text(r)));
                    }
                }
            }
            exposed.addAll(logs.lines());
            assertThat(String.join("\n", logs.lines())).as("the webinar failures were logged").contains("HTTP 401")
                    .contains("token [secret] is not val");
            assertThat(tradernet.issuedSids()).as("Tradernet logged in").isNotEmpty();
            for (String canary : CANARIES) {
                assertThat(exposed).noneMatch(text -> text.contains(canary));
            }
            // the shipped modules' catalog: the tests' own sixth vendor is not run here
            assertThat(io.sessionflow.config.SettingsCatalog.of(ShippedModules.all()).settings().stream()
                            .filter(d -> d.type() == io.sessionflow.config.SettingType.SECRET)
                            .map(d -> d.key())
                            .toList())
                    .as("every secret setting has its canary here")
                    .containsExactlyInAnyOrderElementsOf(settings.entrySet().stream()
                            .filter(e -> CANARIES.contains(e.getValue()))
                            .map(Map.Entry::getKey)
                            .toList());
        }
    }

    private static String text(ConsumerRecord<String, byte[]> r) {
        StringBuilder s = new StringBuilder(r.key()).append(' ')
                .append(r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8));
        for (Header h : r.headers()) {
            s.append(' ').append(h.key()).append('=').append(new String(h.value(), StandardCharsets.UTF_8));
        }
        return s.toString();
    }

    private Path emptyTruststore() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        Path file = dir.resolve("truststore.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, TRUSTSTORE.toCharArray());
        }
        return file;
    }
}
