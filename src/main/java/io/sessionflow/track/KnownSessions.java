package io.sessionflow.track;

import io.sessionflow.event.SystemId;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Where the tracker keeps what it has published, per session key. */
public interface KnownSessions extends SessionLookup {

    /** Applied only after the events derived from these changes are acknowledged by Kafka. */
    void apply(Map<String, KnownSession> changes);

    /** Lets go of sessions and dead letters whose tombstones Kafka acknowledged. */
    void forget(Forgotten forgotten);

    /** When the system was last polled successfully (its events committed); empty before the first poll. */
    Optional<Instant> lastPoll(SystemId system);

    void advance(SystemId system, Instant polledAt);

    /** Whether a bad record with this fingerprint was already published to the dead-letter topic. */
    boolean wasDeadLettered(String fingerprint);

    /** @param at when they were published: they are forgotten some time after */
    void deadLettered(Collection<String> fingerprints, Instant at);

    /** Fingerprints of the dead letters published before {@code before}. */
    Stream<String> deadLettersBefore(Instant before);
}
