package io.sessionflow.source;

import io.sessionflow.event.SessionEvent;
import io.sessionflow.event.SystemId;
import io.sessionflow.track.Transitions;
import java.time.Instant;
import java.util.List;

/**
 * Everything one poll produces, published together in one Kafka transaction: raw payloads, canonical events,
 * dead letters, and the tracker memory (and the poll time, the source's cursor) to keep once committed.
 *
 * @param polledAt the poll's time, committed as the source's cursor; null for a batch that does not advance it
 */
public record PollBatch(SystemId system, List<RawPayload> raw, Transitions transitions, List<DeadLetter> deadLetters,
                        Instant polledAt) {

    public PollBatch(SystemId system, List<RawPayload> raw, Transitions transitions, List<DeadLetter> deadLetters) {
        this(system, raw, transitions, deadLetters, null);
    }

    public PollBatch withDeadLetters(List<DeadLetter> onlyThese) {
        return new PollBatch(system, raw, transitions, onlyThese, polledAt);
    }

    public List<SessionEvent> events() {
        return transitions.events();
    }

    public boolean isEmpty() {
        return raw.isEmpty() && transitions.events().isEmpty() && deadLetters.isEmpty();
    }
}
