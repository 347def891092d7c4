package io.sessionflow.track;

import java.util.HashSet;
import java.util.Set;

/**
 * What a poll lets the tracker forget once it is committed: sessions (by key; a tombstone each on the state
 * topic) and dead-letter fingerprints.
 */
public record Forgotten(Set<String> sessions, Set<String> deadLetters) {
    public static final Forgotten NONE = new Forgotten(Set.of(), Set.of());

    public Forgotten {
        sessions = Set.copyOf(sessions);
        deadLetters = Set.copyOf(deadLetters);
    }

    public boolean isEmpty() {
        return sessions.isEmpty() && deadLetters.isEmpty();
    }

    /** This, then {@code later}: a session a later step remembers again is not forgotten. */
    Forgotten then(Forgotten later, Set<String> rememberedLater) {
        Set<String> s = new HashSet<>(sessions);
        s.addAll(later.sessions);
        s.removeAll(rememberedLater);
        Set<String> d = new HashSet<>(deadLetters);
        d.addAll(later.deadLetters);
        return new Forgotten(s, d);
    }
}
