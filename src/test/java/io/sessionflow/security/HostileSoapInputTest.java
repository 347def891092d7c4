package io.sessionflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.source.ispring.IspringSimulator;
import io.sessionflow.source.ispring.IspringWorld;
import io.sessionflow.demo.SimulatedHttpServer.RawAnswer;
import io.sessionflow.testing.LogCapture;
import io.sessionflow.testing.Pipeline;
import io.sessionflow.testing.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A hostile iSpring SOAP answer through real HTTP, camel-cxf, the YAML routes and the real broker. */
class HostileSoapInputTest {
    private static final String TOKEN = "soap-hostile-token";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int MAX_BODY = 1 << 20;
    private static final long FOUR_GIB = 4L << 30;

    @Test
    void anEndlessSoapAnswerIsRefusedWithinTheBoundThenPollingGoesOn() {
        IspringWorld world = new IspringWorld();
        world.schedule("T1", "Onboarding", OffsetDateTime.now().plusHours(1), 1800, "Олег Смирнов");
        try (IspringSimulator vendor = new IspringSimulator(world, TOKEN); LogCapture logs = new LogCapture()) {
            byte[] start =
                    ("<?xml version=\"1.0\"?><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                                    + "<soap:Body><title>")
                            .getBytes(StandardCharsets.UTF_8);
            vendor.server().injectRaw(new RawAnswer(200, Map.of("Content-Type", "text/xml"), out -> {
                out.write(start);
                byte[] chunk = "A".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
                for (long written = 0; written < FOUR_GIB; written += chunk.length) {
                    out.write(chunk);
                }
            }));
            try (Pipeline pipeline = Pipeline.start(Map.of(
                    "sessionflow.ispring.url", vendor.url(),
                    "sessionflow.ispring.token", TOKEN,
                    "sessionflow.ispring.training-ids", "T1",
                    "sessionflow.ispring.poll-interval", "300ms",
                    "sessionflow.http.retries", "0",
                    "sessionflow.http.max-body-bytes", String.valueOf(MAX_BODY)));
                 TopicReader events = pipeline.read(pipeline.topics().events())) {
                events.awaitCount(1, WAIT);
            }
            List<String> refused = logs.lines().stream()
                    .filter(l -> l.contains("is larger than " + MAX_BODY + " bytes")).toList();
            assertThat(refused).as("the refusal, then the poll it failed (its only training): once each").hasSize(2);
            assertThat(refused.get(0)).startsWith("io.sessionflow.source.ispring.IspringFetcher")
                    .contains("trainingId=T1").contains("nothing published for this training in this poll");
            assertThat(refused.get(1)).startsWith("io.sessionflow.app.PollFailures")
                    .contains("every iSpring training failed (1)");
        }
    }
}
