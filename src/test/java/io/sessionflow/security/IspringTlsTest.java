package io.sessionflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sessionflow.demo.IspringSimulator;
import io.sessionflow.demo.IspringWorld;
import io.sessionflow.testing.LogCapture;
import io.sessionflow.testing.Pipeline;
import io.sessionflow.testing.SelfSignedCertificate;
import io.sessionflow.testing.TopicReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SOAP over HTTPS (CXF) to a self-signed iSpring on loopback: the same truststore setting as the HTTP sources. */
class IspringTlsTest {
    private static final String TOKEN = "tls-test-token";
    private static final String TRAINING = "T1";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private static IspringWorld world() {
        IspringWorld world = new IspringWorld();
        world.addTraining(TRAINING);
        world.schedule(TRAINING, "Onboarding", OffsetDateTime.now().plusHours(1), 1800, "Олег Смирнов");
        return world;
    }

    private static Map<String, String> settings(IspringSimulator vendor) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("sessionflow.ispring.url", vendor.url());
        s.put("sessionflow.ispring.token", TOKEN);
        s.put("sessionflow.ispring.training-ids", TRAINING);
        s.put("sessionflow.ispring.poll-interval", "300ms");
        s.put("sessionflow.http.retries", "0");
        return s;
    }

    @Test
    void selfSignedCertificateIsRefusedByDefaultWithAClearError() {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir, "ip:127.0.0.1", "vendor-pass");
        try (IspringSimulator vendor = new IspringSimulator(world(), TOKEN, cert.serverContext());
             LogCapture logs = new LogCapture();
             Pipeline pipeline = Pipeline.start(settings(vendor))) {
            String failure = awaitPollFailure(logs);
            assertThat(failure).contains("refused the vendor's TLS certificate")
                    .contains("PKIX path building failed");
            assertThat(vendor.requestCount()).as("no request got through the handshake").isZero();
            try (TopicReader events = pipeline.read(pipeline.topics().events())) {
                assertThat(events.drain(Duration.ofSeconds(1))).isEmpty();
            }
        }
    }

    @Test
    void theConfiguredTruststoreMakesItTrusted() {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir, "ip:127.0.0.1", "vendor-pass");
        try (IspringSimulator vendor = new IspringSimulator(world(), TOKEN, cert.serverContext())) {
            Map<String, String> s = settings(vendor);
            s.put("sessionflow.tls.truststore", cert.truststore().toString());
            s.put("sessionflow.tls.truststore-password", cert.password());
            try (Pipeline pipeline = Pipeline.start(s);
                 TopicReader events = pipeline.read(pipeline.topics().events())) {
                assertThat(events.awaitCount(1, WAIT)).singleElement()
                        .satisfies(r -> assertThat(r.key()).startsWith("ispring:"));
            }
        }
    }

    @Test
    void aTrustedCertificateForAnotherHostIsStillRefused() {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir, "dns:other.example", "vendor-pass");
        try (IspringSimulator vendor = new IspringSimulator(world(), TOKEN, cert.serverContext());
             LogCapture logs = new LogCapture()) {
            Map<String, String> s = settings(vendor);
            s.put("sessionflow.tls.truststore", cert.truststore().toString());
            s.put("sessionflow.tls.truststore-password", cert.password());
            try (Pipeline pipeline = Pipeline.start(s)) {
                assertThat(awaitPollFailure(logs)).contains("refused the vendor's TLS certificate")
                        .contains("hostname does not match");
                assertThat(vendor.requestCount()).isZero();
            }
        }
    }

    /** A failing training is logged by itself (the other trainings still publish), not as a failed poll. */
    private static String awaitPollFailure(LogCapture logs) {
        String failed = "trainingId=" + TRAINING + " failed";
        await().atMost(WAIT).until(() -> logs.lines().stream().anyMatch(l -> l.contains(failed)));
        return logs.lines().stream().filter(l -> l.contains(failed)).findFirst().orElseThrow();
    }
}
