package io.sessionflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sessionflow.demo.WebinarSimulator;
import io.sessionflow.demo.WebinarWorld;
import io.sessionflow.testing.LogCapture;
import io.sessionflow.testing.Pipeline;
import io.sessionflow.testing.SelfSignedCertificate;
import io.sessionflow.testing.TopicReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS to a vendor with a self-signed certificate, on loopback: verified by default, trusted only by setting. */
class VendorTlsTest {
    private static final String TOKEN = "tls-test-token";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final Instant t0 = Instant.parse("2026-11-20T09:00:00Z");

    @TempDir
    Path dir;

    private Map<String, String> settings(WebinarSimulator vendor) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("sessionflow.webinar.base-url", vendor.baseUrl());
        s.put("sessionflow.webinar.token", TOKEN);
        s.put("sessionflow.webinar.poll-interval", "300ms");
        s.put("sessionflow.webinar.window-past", "3650d");
        s.put("sessionflow.http.retries", "0");
        return s;
    }

    private WebinarWorld world() {
        WebinarWorld world = new WebinarWorld();
        world.schedule("Onboarding", t0, t0.plusSeconds(3600));
        return world;
    }

    @Test
    void selfSignedCertificateIsRefusedByDefaultWithAClearError() {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir, "ip:127.0.0.1", "vendor-pass");
        try (WebinarSimulator vendor = new WebinarSimulator(world(), TOKEN, cert.serverContext());
             LogCapture logs = new LogCapture();
             Pipeline pipeline = Pipeline.start(settings(vendor))) {
            await().atMost(WAIT).until(() -> logs.lines().stream().anyMatch(l -> l.contains("webinar-rest-poll failed")));
            assertThat(logs.lines()).filteredOn(l -> l.contains("webinar-rest-poll failed")).first().asString()
                    .contains("webinar refused the vendor's TLS certificate").contains("PKIX path building failed");
            assertThat(vendor.requestCount()).as("no request got through the handshake").isZero();
            try (TopicReader events = pipeline.read(pipeline.topics().events())) {
                assertThat(events.drain(Duration.ofSeconds(1))).isEmpty();
            }
        }
    }

    @Test
    void theConfiguredTruststoreMakesItTrusted() {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir, "ip:127.0.0.1", "vendor-pass");
        try (WebinarSimulator vendor = new WebinarSimulator(world(), TOKEN, cert.serverContext())) {
            Map<String, String> s = settings(vendor);
            s.put("sessionflow.tls.truststore", cert.truststore().toString());
            s.put("sessionflow.tls.truststore-password", cert.password());
            try (Pipeline pipeline = Pipeline.start(s);
                 TopicReader events = pipeline.read(pipeline.topics().events())) {
                assertThat(events.awaitCount(1, WAIT)).hasSize(1);
            }
        }
    }

    @Test
    void aTrustedCertificateForAnotherHostIsStillRefused() {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir, "dns:other.example", "vendor-pass");
        try (WebinarSimulator vendor = new WebinarSimulator(world(), TOKEN, cert.serverContext());
             LogCapture logs = new LogCapture()) {
            Map<String, String> s = settings(vendor);
            s.put("sessionflow.tls.truststore", cert.truststore().toString());
            s.put("sessionflow.tls.truststore-password", cert.password());
            try (Pipeline pipeline = Pipeline.start(s)) {
                await().atMost(WAIT).until(() -> logs.lines().stream().anyMatch(l -> l.contains("webinar-rest-poll failed")));
                assertThat(logs.lines()).filteredOn(l -> l.contains("webinar-rest-poll failed")).first().asString()
                        .contains("webinar refused the vendor's TLS certificate")
                        .contains("Certificate for <127.0.0.1> doesn't match");
                assertThat(vendor.requestCount()).isZero();
            }
        }
    }
}
