package io.sessionflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sessionflow.event.EventJson;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.event.SystemId;
import io.sessionflow.source.FetchResult;
import io.sessionflow.source.PollBatch;
import io.sessionflow.source.SessionMapper;
import io.sessionflow.source.SnapshotPoller;
import io.sessionflow.track.InMemoryKnownSessions;
import io.sessionflow.track.MissingPolicy;
import io.sessionflow.track.SessionTracker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The one mapper-fixture harness, the same for every system. A case is vendor text from the vendor's document,
 * {@code fixtures/<system>/<case>.json} (or {@code .xml}), read into records as the system's fetcher reads it, then
 * through the system's real map -> dead-letter -> diff step with the clock at the case's instant. What that
 * publishes must be {@code fixtures/<system>/<case>.expected.json}, reviewed by hand:
 * {@code {"events": [...], "deadLetters": [...]}}, each event as published, byte for byte (a {@code "comment"} beside
 * an event is for the reader), each dead letter whole. The cases of one test share a tracker, so a case can follow
 * another; nothing here ever writes a file.
 */
public final class MapperFixtures {
    /** Writes the expected events compactly, as the published bytes are: insertion order, nothing sorted. */
    private static final ObjectMapper COMPACT = new ObjectMapper();
    private final String dir;
    private final SessionTracker tracker = new SessionTracker(new InMemoryKnownSessions());
    private final MutableClock clock = new MutableClock(Instant.EPOCH);
    private final Step step;

    /** How one system's live path turns a case's vendor text into one batch. */
    @FunctionalInterface
    public interface Step {
        PollBatch poll(byte[] vendorText);
    }

    private MapperFixtures(SystemId system, BiFunction<SessionTracker, Clock, Step> wiring) {
        this.dir = "fixtures/" + system.id() + "/";
        this.step = wiring.apply(tracker, clock);
    }

    /** A system whose live path is not a poller (a push source): its own wiring, given the tracker and clock. */
    public static MapperFixtures of(SystemId system, BiFunction<SessionTracker, Clock, Step> wiring) {
        return new MapperFixtures(system, wiring);
    }

    /**
     * A polling system: its {@link SnapshotPoller} with the module's mapper and missing policy, fetching what
     * {@code read} makes of the case's vendor text.
     */
    public static <R> MapperFixtures polling(SystemId system, SessionMapper<R> mapper, MissingPolicy missing,
                                             Function<byte[], FetchResult<R>> read) {
        return new MapperFixtures(system, (tracker, clock) -> text -> new SnapshotPoller<>(
                SourceAccount.defaultOf(system), (now, known) -> read.apply(text), mapper, missing, tracker, clock)
                .poll());
    }

    /** The case at {@code at} must publish what its expected file says; the tracker then keeps it. */
    public PollBatch check(String name, String at) {
        return check(name, run(name, at, UnaryOperator.identity()));
    }

    /** A batch made otherwise (Tradernet's expiry check, which has no vendor text) against a case's expected file. */
    public PollBatch check(String name, PollBatch batch) {
        JsonNode expected = Fixtures.json(dir + name + ".expected.json");
        List<String> published = new ArrayList<>();
        for (SessionEvent e : batch.events()) {
            byte[] bytes = EventJson.toBytes(e);
            EventAssertions.assertValid(bytes);
            published.add(new String(bytes, StandardCharsets.UTF_8));
        }
        List<String> events = new ArrayList<>();
        expected.get("events").forEach(e -> events.add(compact(((ObjectNode) e.deepCopy()).without("comment"))));
        assertThat(published).as("events of %s, as published", name).containsExactlyElementsOf(events);
        JsonNode deadLetters = EventJson.mapper().valueToTree(batch.deadLetters());
        assertThat(deadLetters).as("dead letters of %s", name).isEqualTo(expected.get("deadLetters"));
        tracker.commit(batch.transitions());
        return batch;
    }

    /** A case that sets the scene for the next (or whose outcome the test checks itself); the tracker keeps it. */
    public PollBatch poll(String name, String at) {
        return poll(name, at, UnaryOperator.identity());
    }

    /** As {@link #poll(String, String)}, with the case's vendor text edited first (a field the document lacks). */
    public PollBatch poll(String name, String at, UnaryOperator<String> edit) {
        PollBatch batch = run(name, at, edit);
        tracker.commit(batch.transitions());
        return batch;
    }

    /** The case's vendor text as parsed JSON, for tests that change one field and call the mapper directly. */
    public JsonNode vendorJson(String name) {
        return Fixtures.json(dir + name + ".json");
    }

    public MutableClock clock() {
        return clock;
    }

    private PollBatch run(String name, String at, UnaryOperator<String> edit) {
        clock.set(Instant.parse(at));
        return step.poll(edit.apply(new String(vendorText(name), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));
    }

    private byte[] vendorText(String name) {
        return Fixtures.find(dir + name + ".json").or(() -> Fixtures.find(dir + name + ".xml"))
                .orElseThrow(() -> new IllegalArgumentException("no vendor text " + dir + name + ".json or .xml"));
    }

    private static String compact(JsonNode node) {
        try {
            return COMPACT.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
