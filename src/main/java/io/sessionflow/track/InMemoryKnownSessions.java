package io.sessionflow.track;

import io.sessionflow.event.SystemId;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

public final class InMemoryKnownSessions implements KnownSessions {
    private final Map<String, KnownSession> sessions = new ConcurrentHashMap<>();
    private final Map<SystemId, Instant> lastPolls = new ConcurrentHashMap<>();
    /** Per fingerprint, when it was published. */
    private final Map<String, Instant> deadLetters = new ConcurrentHashMap<>();

    @Override
    public KnownSession get(String key) {
        return sessions.get(key);
    }

    @Override
    public Stream<KnownSession> of(SystemId system) {
        return sessions.values().stream().filter(s -> s.data().system() == system);
    }

    @Override
    public void apply(Map<String, KnownSession> changes) {
        sessions.putAll(changes);
    }

    @Override
    public void forget(Forgotten forgotten) {
        forgotten.sessions().forEach(sessions::remove);
        forgotten.deadLetters().forEach(deadLetters::remove);
    }

    @Override
    public Optional<Instant> lastPoll(SystemId system) {
        return Optional.ofNullable(lastPolls.get(system));
    }

    @Override
    public void advance(SystemId system, Instant polledAt) {
        lastPolls.merge(system, polledAt, (a, b) -> a.isAfter(b) ? a : b);
    }

    @Override
    public boolean wasDeadLettered(String fingerprint) {
        return deadLetters.containsKey(fingerprint);
    }

    @Override
    public void deadLettered(Collection<String> fingerprints, Instant at) {
        fingerprints.forEach(f -> deadLetters.put(f, at));
    }

    @Override
    public Stream<String> deadLettersBefore(Instant before) {
        return deadLetters.entrySet().stream().filter(e -> e.getValue().isBefore(before)).map(Map.Entry::getKey);
    }

    /** The fingerprints of bad records already reported, for memory kept beyond the process (a Kamelet's file). */
    public Set<String> deadLetters() {
        return Set.copyOf(deadLetters.keySet());
    }

    public int size() {
        return sessions.size();
    }

    public int deadLetterCount() {
        return deadLetters.size();
    }
}
