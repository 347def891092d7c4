package io.sessionflow.source;

import io.sessionflow.event.SessionEvent;
import io.sessionflow.event.SystemId;
import io.sessionflow.track.Transitions;
import java.util.List;

/**
 * Everything one poll produces, published together: raw payloads, canonical events, dead letters; and the
 * tracker memory to keep once Kafka has acknowledged them.
 */
public record PollBatch(SystemId system, List<RawPayload> raw, Transitions transitions, List<DeadLetter> deadLetters) {

    public List<SessionEvent> events() {
        return transitions.events();
    }

    public boolean isEmpty() {
        return raw.isEmpty() && transitions.events().isEmpty() && deadLetters.isEmpty();
    }
}
