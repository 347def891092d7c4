package io.sessionflow.track;

import io.sessionflow.event.SessionEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events a snapshot yields and the tracker memory to keep once they are published.
 *
 * @param inputs the record inputs of the poll, remembered on commit so the next poll can skip unchanged
 *               records; null when the transitions did not come from a whole poll of a source
 */
public record Transitions(List<SessionEvent> events, Map<String, KnownSession> changes, PolledInputs inputs) {

    public Transitions(List<SessionEvent> events, Map<String, KnownSession> changes) {
        this(events, changes, null);
    }

    public static Transitions none() {
        return new Transitions(List.of(), Map.of());
    }

    public Transitions withInputs(PolledInputs polled) {
        return new Transitions(events, changes, polled);
    }

    /** Transitions of snapshots taken one after another: all events in order; per session the latest memory. */
    public static Transitions inOrder(List<Transitions> runs) {
        if (runs.size() == 1) {
            return runs.get(0);
        }
        List<SessionEvent> events = new ArrayList<>();
        Map<String, KnownSession> changes = new LinkedHashMap<>();
        for (Transitions t : runs) {
            events.addAll(t.events());
            changes.putAll(t.changes());
        }
        return new Transitions(List.copyOf(events), changes);
    }
}
