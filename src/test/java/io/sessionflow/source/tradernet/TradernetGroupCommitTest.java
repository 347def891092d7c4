package io.sessionflow.source.tradernet;

import static io.sessionflow.testing.Wait.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.event.EventType;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.privacy.IpMasker;
import io.sessionflow.publish.HeaderNames;
import io.sessionflow.source.FeedLatency;
import io.sessionflow.source.Json;
import io.sessionflow.testing.LogCapture;
import io.sessionflow.testing.Pipeline;
import io.sessionflow.testing.TopicReader;
import io.sessionflow.track.InMemoryKnownSessions;
import io.sessionflow.track.SessionTracker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.component.seda.SedaEndpoint;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Feed messages that arrive faster than one Kafka transaction are published together (group commit), and
 * still every transition exactly once, in order, with the ids that publishing them one at a time gives.
 * Real path: simulator over loopback WebSocket, the YAML routes, the shared broker.
 */
class TradernetGroupCommitTest {
    private static final int PROLONGS = 50;
    private static final String ROUTE = "tradernet-websocket";
    private final TradernetHarness h = new TradernetHarness();
    private final LogCapture logs = new LogCapture();

    @AfterEach
    void stop() {
        logs.close();
        h.close();
    }

    @Test
    void aBurstThatQueuedUpBehindASlowTransactionIsOneTransactionWithEveryUpdateInOrder() throws Exception {
        TradernetWorld.Session s = open();
        // no expiry checks: only the burst's feed messages wait in the queue
        Pipeline pipeline = h.start("websocket", Map.of("sessionflow.tradernet.expiry-check-interval", "1h"));
        awaitLive(1);
        // the consumer is held, as if one transaction took as long as the whole burst: the burst queues up behind
        // it. A consumer already waiting in its poll when suspended still takes one group (the first message and
        // what waits behind it at that moment); all the rest wait.
        int before = commits().size();
        int published = h.stream().latency().count();
        pipeline.app().camel().getRouteController().suspendRoute(ROUTE);
        List<Instant> expires = prolong(s);
        int queued = awaitQueuedOrPublished(pipeline, PROLONGS, published);
        pipeline.app().camel().getRouteController().resumeRoute(ROUTE);

        awaitLatencySamples(1 + PROLONGS);
        List<SessionEvent> burst = awaitBurst(s, expires);
        assertIdsOfOneAtATime(pipeline, burst);
        List<Integer> groups = commits().subList(before, commits().size());
        assertEveryMessageInOneTransaction(groups);
        assertThat(groups.get(groups.size() - 1)).as("what waited in the queue when the consumer became free is "
                + "one transaction").isEqualTo(queued);
        assertThat(groups).as("before it, only the message the consumer had taken when it was suspended")
                .hasSize(queued == PROLONGS ? 1 : 2);
    }

    @Test
    void aBurstAtFullSpeedIsGroupedHoweverItArrivesAndStillLosesNoUpdate() throws IOException {
        TradernetWorld.Session s = open();
        Pipeline pipeline = h.start("websocket");
        awaitLive(1);
        int before = commits().size();
        List<Instant> expires = prolong(s);

        awaitLatencySamples(1 + PROLONGS);
        List<SessionEvent> burst = awaitBurst(s, expires);
        assertIdsOfOneAtATime(pipeline, burst);
        // how the burst splits into groups depends on timing; what holds however it splits: each message is in
        // exactly one transaction, and each transaction carries one update per message in it
        List<Integer> groups = commits().subList(before, commits().size());
        System.out.printf(
                "%d feed messages at full speed were published in %d transactions%n", PROLONGS, groups.size());
        assertEveryMessageInOneTransaction(groups);
    }

    /** @param groups per transaction, the feed messages it carried */
    private static void assertEveryMessageInOneTransaction(List<Integer> groups) {
        assertThat(groups).as("no empty transaction").allMatch(g -> g > 0);
        assertThat(groups.stream().mapToInt(Integer::intValue).sum()).as("messages over the transactions %s", groups)
                .isEqualTo(PROLONGS);
    }

    private TradernetWorld.Session open() {
        return h.world.open("virtual@virtual.com", "Login, password",
                Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofHours(1)), Duration.ofHours(24),
                "19.16.32.32");
    }

    /** The session started (from the snapshot), and the feed's first message after subscribing was published. */
    private void awaitLive(int feedMessages) {
        h.awaitEvents(1);
        h.awaitSubscribed();
        awaitLatencySamples(feedMessages);
    }

    private List<Instant> prolong(TradernetWorld.Session s) {
        List<Instant> expires = new ArrayList<>();
        Instant expire = s.expire();
        for (int i = 0; i < PROLONGS; i++) {
            expire = expire.plusSeconds(60);
            h.world.prolong(s.id(), expire);
            expires.add(expire);
        }
        return expires;
    }

    /** Every prolong is one update, published once and in the order the vendor made them. */
    private List<SessionEvent> awaitBurst(TradernetWorld.Session s, List<Instant> expires) {
        h.awaitEvents(1 + PROLONGS);
        // every feed message was published (latency samples are taken after the commit): nothing more can come
        List<SessionEvent> all = h.readToEnd();
        assertThat(all).as("nothing more than the start and one update per prolong").hasSize(1 + PROLONGS);
        assertThat(all).extracting(SessionEvent::id).doesNotHaveDuplicates();
        List<SessionEvent> burst = all.subList(1, all.size());
        assertThat(burst).extracting(SessionEvent::subject).containsOnly(String.valueOf(s.id()));
        assertThat(burst).extracting(SessionEvent::type).containsOnly(EventType.SESSION_UPDATED);
        assertThat(burst).extracting(e -> e.data().scheduledEnd()).containsExactlyElementsOf(expires);
        return burst;
    }

    /**
     * The ids one-at-a-time publishing gives: every raw payload the pipeline archived, replayed through a fresh
     * tracker one message at a time, each committed before the next (what the pipeline did before grouping).
     */
    private void assertIdsOfOneAtATime(Pipeline pipeline, List<SessionEvent> burst) throws IOException {
        SessionTracker tracker = new SessionTracker(new InMemoryKnownSessions());
        TradernetBatches alone = new TradernetBatches(
                SourceAccount.defaultOf(TradernetModule.SYSTEM),
                new TradernetMapper(IpMasker.withKey(TradernetHarness.IP_KEY)),
                tracker,
                Clock.systemUTC());
        List<String> ids = new ArrayList<>();
        try (TopicReader raw = pipeline.read(pipeline.topics().raw())) {
            for (ConsumerRecord<String, byte[]> r : raw.readToEnd()) {
                var batch = alone.toBatch(message(r));
                tracker.commit(batch.transitions());
                batch.events().forEach(e -> ids.add(e.id()));
            }
        }
        assertThat(ids).as("the start, then one update per prolong").hasSize(1 + PROLONGS);
        assertThat(burst).extracting(SessionEvent::id).containsExactlyElementsOf(ids.subList(1, ids.size()));
    }

    private static TradernetMessage message(ConsumerRecord<String, byte[]> raw) throws IOException {
        String endpoint = new String(raw.headers().lastHeader(HeaderNames.ENDPOINT).value(), StandardCharsets.UTF_8);
        String text = new String(raw.value(), StandardCharsets.UTF_8);
        if (endpoint.equals(TradernetApi.SNAPSHOT_ENDPOINT)) {
            return new TradernetMessage(TradernetMessage.Kind.SNAPSHOT, endpoint, text, Json.mapper().readTree(text),
                    null, Instant.now(), System.nanoTime(), false);
        }
        FeedEvent.Sessions feed = (FeedEvent.Sessions) WebSocketTransport.read(text);
        return new TradernetMessage(TradernetMessage.Kind.FEED, endpoint, text, feed.sessions(), null, Instant.now(),
                System.nanoTime(), false);
    }

    /**
     * Until every burst message is either waiting in the route's queue or published (a latency sample).
     * @return how many wait in the queue
     */
    private int awaitQueuedOrPublished(Pipeline pipeline, int count, int publishedBefore) {
        SedaEndpoint queue = (SedaEndpoint) pipeline.app().camel().getRoute(ROUTE).getEndpoint();
        FeedLatency latency = h.stream().latency();
        await().atMost(TradernetHarness.WAIT).untilAsserted(() -> assertThat(queue.getCurrentQueueSize()
                + latency.count() - publishedBefore).as("the burst queued up (%d queued, %d published of %d)",
                queue.getCurrentQueueSize(), latency.count() - publishedBefore, count).isGreaterThanOrEqualTo(count));
        return queue.getCurrentQueueSize();
    }

    /** A sample is recorded after Kafka acknowledged the message's transaction, after its log line. */
    private void awaitLatencySamples(int count) {
        await().atMost(TradernetHarness.WAIT).untilAsserted(() -> assertThat(h.stream().latency().count())
                .as("feed messages published").isGreaterThanOrEqualTo(count));
    }

    /**
     * Per transaction that carried Tradernet events, its raw payloads (feed messages), from the publisher's log line.
     */
    private List<Integer> commits() {
        java.util.regex.Pattern line = java.util.regex.Pattern.compile(
                "tradernet/default: committed \\d+ events, (\\d+) raw payloads");
        List<Integer> out = new ArrayList<>();
        for (String l : logs.lines()) {
            java.util.regex.Matcher m = line.matcher(l);
            if (m.find()) {
                out.add(Integer.parseInt(m.group(1)));
            }
        }
        return out;
    }
}
