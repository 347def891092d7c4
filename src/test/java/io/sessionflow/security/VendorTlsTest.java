package io.sessionflow.security;

import static io.sessionflow.testing.Wait.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.source.ispring.IspringSimulator;
import io.sessionflow.source.ispring.IspringWorld;
import io.sessionflow.source.webinar.WebinarSimulator;
import io.sessionflow.source.webinar.WebinarWorld;
import io.sessionflow.testing.LogCapture;
import io.sessionflow.testing.Pipeline;
import io.sessionflow.testing.SelfSignedCertificate;
import io.sessionflow.testing.TopicReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * HTTPS to a vendor with a self-signed certificate, on loopback, for both client stacks (camel-http and CXF):
 * verified by default, trusted only by setting, and a trusted certificate for another host is still refused.
 */
class VendorTlsTest {
    private static final String TOKEN = "tls-test-token";
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** A simulated vendor serving HTTPS: its settings, its request count, and how its failure is logged. */
    private record Served(AutoCloseable server, Map<String, String> settings, IntSupplier requests)
            implements AutoCloseable {
        @Override
        public void close() throws Exception {
            server.close();
        }
    }

    enum Vendor {
        /** camel-http; a refused poll is logged as a failed poll of the route. */
        WEBINAR("webinar-rest-poll failed", "Certificate for <127.0.0.1> doesn't match") {
            @Override
            Served serve(SSLContext tls) {
                WebinarWorld world = new WebinarWorld();
                Instant t0 = Instant.parse("2026-11-20T09:00:00Z");
                world.schedule("Onboarding", t0, t0.plusSeconds(3600));
                WebinarSimulator vendor = new WebinarSimulator(world, TOKEN, tls);
                return new Served(vendor, Map.of("sessionflow.webinar.base-url", vendor.baseUrl(),
                        "sessionflow.webinar.token", TOKEN, "sessionflow.webinar.poll-interval", "300ms",
                        "sessionflow.webinar.window-past", "3650d"), vendor::requestCount);
            }
        },
        /** CXF (SOAP); a refused training is logged by itself, since the other trainings still publish. */
        ISPRING("trainingId=T1 failed", "hostname does not match") {
            @Override
            Served serve(SSLContext tls) {
                IspringWorld world = new IspringWorld();
                world.addTraining("T1");
                world.schedule("T1", "Onboarding", OffsetDateTime.now().plusHours(1), 1800, "Олег Смирнов");
                IspringSimulator vendor = new IspringSimulator(world, TOKEN, tls);
                return new Served(vendor, Map.of("sessionflow.ispring.url", vendor.url(),
                        "sessionflow.ispring.token", TOKEN, "sessionflow.ispring.training-ids", "T1",
                        "sessionflow.ispring.poll-interval", "300ms"), vendor::requestCount);
            }
        };

        final String failureLine;
        final String wrongHost;

        Vendor(String failureLine, String wrongHost) {
            this.failureLine = failureLine;
            this.wrongHost = wrongHost;
        }

        abstract Served serve(SSLContext tls);
    }

    @TempDir
    Path dir;

    private static Map<String, String> settings(Served vendor, SelfSignedCertificate trusted) {
        Map<String, String> s = new LinkedHashMap<>(vendor.settings());
        s.put("sessionflow.http.retries", "0");
        if (trusted != null) {
            s.put("sessionflow.tls.truststore", trusted.truststore().toString());
            s.put("sessionflow.tls.truststore-password", trusted.password());
        }
        return s;
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void selfSignedCertificateIsRefusedByDefaultWithAClearError(Vendor kind) throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir, "ip:127.0.0.1", "vendor-pass");
        try (Served vendor = kind.serve(cert.serverContext());
             LogCapture logs = new LogCapture();
             Pipeline pipeline = Pipeline.start(settings(vendor, null))) {
            assertThat(awaitFailure(logs, kind)).contains("refused the vendor's TLS certificate")
                    .contains("PKIX path building failed");
            assertThat(vendor.requests().getAsInt()).as("no request got through the handshake").isZero();
            try (TopicReader events = pipeline.read(pipeline.topics().events())) {
                // no request gets through the handshake: nothing can be published in this run at all
                assertThat(events.readToEnd()).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void theConfiguredTruststoreMakesItTrusted(Vendor kind) throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir, "ip:127.0.0.1", "vendor-pass");
        try (Served vendor = kind.serve(cert.serverContext());
             Pipeline pipeline = Pipeline.start(settings(vendor, cert));
             TopicReader events = pipeline.read(pipeline.topics().events())) {
            assertThat(events.awaitCount(1, WAIT)).singleElement()
                    .satisfies(r -> assertThat(r.key()).startsWith(kind.name().toLowerCase() + ":"));
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aTrustedCertificateForAnotherHostIsStillRefused(Vendor kind) throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir, "dns:other.example", "vendor-pass");
        try (Served vendor = kind.serve(cert.serverContext());
             LogCapture logs = new LogCapture();
             Pipeline pipeline = Pipeline.start(settings(vendor, cert))) {
            assertThat(awaitFailure(logs, kind)).contains("refused the vendor's TLS certificate")
                    .contains(kind.wrongHost);
            assertThat(vendor.requests().getAsInt()).isZero();
        }
    }

    private static String awaitFailure(LogCapture logs, Vendor kind) {
        await().atMost(WAIT).until(() -> logs.lines().stream().anyMatch(l -> l.contains(kind.failureLine)));
        return logs.lines().stream().filter(l -> l.contains(kind.failureLine)).findFirst().orElseThrow();
    }
}
