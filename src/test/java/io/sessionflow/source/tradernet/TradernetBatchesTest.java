package io.sessionflow.source.tradernet;

import io.sessionflow.event.SourceAccount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sessionflow.event.EventType;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.privacy.IpMasker;
import io.sessionflow.source.Json;
import io.sessionflow.source.PollBatch;
import io.sessionflow.track.InMemoryKnownSessions;
import io.sessionflow.track.SessionTracker;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A group of queued messages becomes one batch with everything the messages would have given one by one. */
class TradernetBatchesTest {
    private final TradernetWorld world = new TradernetWorld(Clock.systemUTC());
    private final Instant start = Instant.now().minus(Duration.ofHours(1));

    @Test
    void aMixedGroupKeepsEveryTransitionRawPayloadDeadLetterAndRecoveredMark() throws IOException {
        TradernetWorld.Session a = world.open("virtual@virtual.com", "SMS", start, Duration.ofHours(24), "19.16.32.32");
        List<TradernetMessage> group = new ArrayList<>();
        group.add(feed());
        world.prolong(a.id(), a.expire().plusSeconds(60));
        group.add(feed());
        group.add(new TradernetMessage(TradernetMessage.Kind.FEED, "ws", "[\"sessions\",", null, "not JSON",
                Instant.now(), System.nanoTime(), false));
        world.close(a.id());
        group.add(snapshotAfterAGap());
        group.add(TradernetMessage.expiryCheck(Instant.now()));

        SessionTracker tracker = new SessionTracker(new InMemoryKnownSessions());
        PollBatch together = batches(tracker).toBatch(group);

        assertThat(together.events()).extracting(SessionEvent::type, e -> e.data().recovered()).containsExactly(
                tuple(EventType.SESSION_STARTED, false),
                tuple(EventType.SESSION_UPDATED, false),
                tuple(EventType.SESSION_ENDED, true));
        assertThat(together.raw()).as("every message's payload; an expiry check has none").hasSize(4);
        assertThat(together.deadLetters()).extracting(d -> d.reason()).containsExactly("not JSON");
        assertThat(tracker.known().get(together.transitions().changes().keySet().iterator().next()))
                .as("nothing remembered before Kafka acknowledged").isNull();
        assertThat(together.events()).extracting(SessionEvent::id).containsExactlyElementsOf(oneAtATime(group));
    }

    /**
     * Completeness: a feed list or a reconnect snapshot vouches for every change received up to its arrival, an expiry
     * check only while the feed delivers; a group vouches for the latest of its messages that do.
     */
    @Test
    void aBatchIsCompleteUpToItsLatestFeedListSnapshotOrLiveExpiryCheck() throws IOException {
        world.open("virtual@virtual.com", "SMS", start, Duration.ofHours(24), "19.16.32.32");
        SessionTracker tracker = new SessionTracker(new InMemoryKnownSessions());
        TradernetBatches batches = batches(tracker);
        TradernetMessage feed = feed();
        TradernetMessage snapshot = snapshotAfterAGap();
        Instant later = snapshot.receivedAt().plusSeconds(5);

        assertThat(batches.toBatch(feed).watermark()).isEqualTo(feed.receivedAt());
        assertThat(batches.toBatch(snapshot).watermark()).isEqualTo(snapshot.receivedAt());
        assertThat(batches.toBatch(TradernetMessage.expiryCheck(later, false)).watermark())
                .as("the feed is down: an expiry check cannot vouch for anything").isNull();
        assertThat(batches.toBatch(TradernetMessage.expiryCheck(later, true)).watermark()).isEqualTo(later);
        assertThat(batches.toBatch(List.of(feed, snapshot, TradernetMessage.expiryCheck(later, false))).watermark())
                .isEqualTo(snapshot.receivedAt());
    }

    /**
     * After a restart the tracker remembers open sessions but no list has been read yet (the login may be slow or
     * refused): an expiry check then read an empty last list as complete and ended every open session.
     */
    @Test
    void anExpiryCheckBeforeTheFirstListAfterARestartEndsNothing() {
        world.open("virtual@virtual.com", "SMS", start, Duration.ofHours(24), "19.16.32.32");
        SessionTracker tracker = new SessionTracker(new InMemoryKnownSessions());
        PollBatch first = batches(tracker).toBatch(feed());
        tracker.commit(TradernetModule.SYSTEM, first.transitions(), first.polledAt());

        PollBatch check = batches(tracker).toBatch(TradernetMessage.expiryCheck(Instant.now()));

        assertThat(check.events()).isEmpty();
        assertThat(check.transitions().changes()).isEmpty();
    }

    /** What the same messages give when each is a batch of its own, committed before the next. */
    private List<String> oneAtATime(List<TradernetMessage> messages) {
        SessionTracker tracker = new SessionTracker(new InMemoryKnownSessions());
        TradernetBatches alone = batches(tracker);
        List<String> ids = new ArrayList<>();
        for (TradernetMessage m : messages) {
            PollBatch batch = alone.toBatch(m);
            tracker.commit(batch.transitions());
            batch.events().forEach(e -> ids.add(e.id()));
        }
        return ids;
    }

    private static TradernetBatches batches(SessionTracker tracker) {
        return new TradernetBatches(
                SourceAccount.defaultOf(TradernetModule.SYSTEM),
                new TradernetMapper(IpMasker.withKey("k")),
                tracker,
                Clock.systemUTC());
    }

    private TradernetMessage feed() {
        FeedEvent.Sessions feed = (FeedEvent.Sessions) WebSocketTransport.read("[\"sessions\"," + world.json() + "]");
        return new TradernetMessage(TradernetMessage.Kind.FEED, "ws", feed.raw(), feed.sessions(), null,
                Instant.now(), System.nanoTime(), false);
    }

    private TradernetMessage snapshotAfterAGap() throws IOException {
        String body = world.json();
        return new TradernetMessage(TradernetMessage.Kind.SNAPSHOT, TradernetApi.SNAPSHOT_ENDPOINT, body,
                Json.mapper().readTree(body), null, Instant.now(), System.nanoTime(), true);
    }
}
