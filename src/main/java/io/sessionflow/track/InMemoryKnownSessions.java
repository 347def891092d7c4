package io.sessionflow.track;

import io.sessionflow.event.SystemId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

public final class InMemoryKnownSessions implements KnownSessions {
    private final Map<String, KnownSession> sessions = new ConcurrentHashMap<>();

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
}
