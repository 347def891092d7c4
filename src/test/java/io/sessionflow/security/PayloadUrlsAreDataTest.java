package io.sessionflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.source.seeit.SeeitSimulator;
import io.sessionflow.source.seeit.SeeitWorld;
import io.sessionflow.demo.SimulatedHttpServer;
import io.sessionflow.testing.Pipeline;
import io.sessionflow.testing.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A URL in a vendor payload (Seeit's session data download) is published as data and never fetched. */
class PayloadUrlsAreDataTest {
    private static final String TOKEN = "payload-url-token";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void theDownloadUrlIsPublishedButNeverRequested() {
        try (SimulatedHttpServer bait = new SimulatedHttpServer("/data",
                r -> SimulatedHttpServer.Response.json(200, "{}"))) {
            SeeitWorld world = new SeeitWorld();
            world.dataDownloadBase(bait.baseUrl() + "/");
            Instant now = Instant.now();
            SeeitWorld.Session s = world.create("tech@example.org", now.minusSeconds(600));
            world.start(s.uuid, now.minusSeconds(500));
            world.finish(s.uuid, now.minusSeconds(300), 4, "done");
            world.dataReady(s.uuid);
            try (SeeitSimulator vendor = new SeeitSimulator(world, TOKEN);
                 Pipeline pipeline = Pipeline.start(Map.of(
                         "sessionflow.seeit.base-url", vendor.baseUrl(),
                         "sessionflow.seeit.token", TOKEN,
                         "sessionflow.seeit.poll-interval", "200ms",
                         "sessionflow.seeit.look-back", "1h"));
                 TopicReader raw = pipeline.read(pipeline.topics().raw())) {
                raw.awaitUntil(seen -> seen.stream().anyMatch(r -> new String(r.value(), StandardCharsets.UTF_8)
                        .contains(bait.baseUrl())), WAIT);
                int polls = vendor.requestCount();
                raw.awaitUntil(seen -> vendor.requestCount() >= polls + 5, WAIT);
            }
            assertThat(bait.requestCount()).as("requests to the URL found in the payload").isZero();
        }
    }
}
