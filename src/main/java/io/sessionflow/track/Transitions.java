package io.sessionflow.track;

import io.sessionflow.event.SessionEvent;
import java.util.List;
import java.util.Map;

/** The events a snapshot yields and the tracker memory to keep once they are published. */
public record Transitions(List<SessionEvent> events, Map<String, KnownSession> changes) {

    public static Transitions none() {
        return new Transitions(List.of(), Map.of());
    }
}
