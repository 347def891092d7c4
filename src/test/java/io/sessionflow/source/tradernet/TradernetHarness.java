package io.sessionflow.source.tradernet;

import static io.sessionflow.testing.Wait.await;

import io.sessionflow.event.SessionEvent;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.testing.EventAssertions;
import io.sessionflow.testing.Pipeline;
import io.sessionflow.testing.TopicReader;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A simulated Tradernet over real loopback sockets, and the real pipeline pointed at it. */
final class TradernetHarness implements AutoCloseable {
    static final String LOGIN = "virtual@virtual.com";
    static final String PASSWORD = "canary-password-7f3a91";
    static final String IP_KEY = "test-ip-hash-key";
    static final Duration WAIT = Duration.ofSeconds(30);
    final TradernetWorld world;
    final TradernetSimulator vendor;
    private Pipeline pipeline;
    private TopicReader events;
    private Map<String, String> settings;

    TradernetHarness() {
        this(java.time.ZoneOffset.UTC);
    }

    /** @param vendorZone the zone the simulated vendor writes its zone-less times in */
    TradernetHarness(java.time.ZoneId vendorZone) {
        world = new TradernetWorld(Clock.systemUTC(), vendorZone);
        vendor = new TradernetSimulator(world, LOGIN, PASSWORD);
    }

    Pipeline start(String transport, Map<String, String> extra) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("sessionflow.tradernet.api-url", vendor.apiUrl());
        s.put(
                "sessionflow.tradernet.ws-url",
                transport.equals("socketio") ? vendor.socketIoUrl() : vendor.webSocketUrl());
        s.put("sessionflow.tradernet.transport", transport);
        s.put("sessionflow.tradernet.login", LOGIN);
        s.put("sessionflow.tradernet.password", PASSWORD);
        s.put("sessionflow.tradernet.expiry-check-interval", "200ms");
        s.put("sessionflow.tradernet.reconnect-initial-delay", "300ms");
        s.put("sessionflow.tradernet.reconnect-max-delay", "2s");
        s.put("sessionflow.privacy.ip-hash-key", IP_KEY);
        s.putAll(extra);
        settings = s;
        pipeline = Pipeline.start(s);
        events = pipeline.read(pipeline.topics().events());
        return pipeline;
    }

    /** Stops the pipeline and starts it again on the same topics and settings: its memory restored from them. */
    Pipeline restart() {
        io.sessionflow.kafka.Topics topics = pipeline.topics();
        pipeline.close();
        pipeline = Pipeline.startOn(topics, settings, Clock.systemUTC());
        return pipeline;
    }

    Pipeline start(String transport) {
        return start(transport, Map.of());
    }

    List<SessionEvent> awaitEvents(int count) {
        return EventAssertions.events(events.awaitCount(count, WAIT));
    }

    /**
     * Every event published before a barrier, to prove nothing more (no duplicate) arrives: a marker session opened
     * now reaches the pipeline in a list behind every message before it, on the one ordered queue, so all those
     * messages caused is published before the marker's start. The marker stays open.
     */
    List<SessionEvent> eventsBeforeBarrier() {
        TradernetWorld.Session marker = world.open("barrier@example.org", "SMS", java.time.Instant.now()
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS).minusSeconds(1), Duration.ofDays(1), "192.0.2.250");
        String markerId = String.valueOf(marker.id());
        List<SessionEvent> all = EventAssertions.events(events.awaitUntil(
                seen -> EventAssertions.events(seen).stream().anyMatch(e -> e.subject().equals(markerId)), WAIT));
        int barrier = 0;
        while (!all.get(barrier).subject().equals(markerId)) {
            barrier++;
        }
        return all.subList(0, barrier);
    }

    /** Every event committed so far (after a barrier such as every feed message published: nothing more). */
    List<SessionEvent> readToEnd() {
        return EventAssertions.events(events.readToEnd());
    }

    TradernetStream stream() {
        return pipeline.app()
                .source(SourceAccount.defaultOf(TradernetModule.SYSTEM), TradernetStream.class)
                .orElse(null);
    }

    void awaitSnapshots(int count) {
        await(count + " snapshots taken").atMost(WAIT).until(() -> vendor.snapshotCount() >= count);
    }

    /** Waits until the pipeline subscribed to the feed, so the next change reaches it live. */
    void awaitSubscribed() {
        await("the pipeline subscribed to the feed").atMost(WAIT).until(() -> vendor.feedSubscribers() >= 1);
    }

    @Override
    public void close() {
        if (events != null) {
            events.close();
        }
        if (pipeline != null) {
            pipeline.close();
        }
        vendor.close();
    }
}
