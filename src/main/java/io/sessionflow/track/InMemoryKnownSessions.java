package io.sessionflow.track;

import io.sessionflow.event.SystemId;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

public final class InMemoryKnownSessions implements KnownSessions {
    private final Map<String, KnownSession> sessions = new ConcurrentHashMap<>();
    private final Map<SystemId, Instant> lastPolls = new ConcurrentHashMap<>();
    private final Map<String, DeadLetterSeen> deadLetters = new ConcurrentHashMap<>();

    private record DeadLetterSeen(SystemId system, Instant at) {
    }

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
    public void deadLettered(SystemId system, Collection<String> fingerprints, Instant at) {
        fingerprints.forEach(f -> deadLetters.put(f, new DeadLetterSeen(system, at)));
    }

    @Override
    public Stream<String> deadLettersBefore(SystemId system, Instant before) {
        return deadLetters.entrySet().stream()
                .filter(e -> system.equals(e.getValue().system()) && e.getValue().at().isBefore(before))
                .map(Map.Entry::getKey);
    }

    public int size() {
        return sessions.size();
    }

    public int deadLetterCount() {
        return deadLetters.size();
    }
}
