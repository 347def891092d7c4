package io.sessionflow.track;

import io.sessionflow.event.SessionEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events a snapshot yields and the tracker memory to keep once they are published.
 *
 * @param inputs    the record inputs of the poll, remembered on commit so the next poll can skip unchanged
 *                  records; null when the transitions did not come from a whole poll of a source
 * @param forgotten what the memory lets go of once they are published
 */
public record Transitions(List<SessionEvent> events, Map<String, KnownSession> changes, PolledInputs inputs,
                          Forgotten forgotten) {

    public Transitions {
        forgotten = forgotten == null ? Forgotten.NONE : forgotten;
    }

    public Transitions(List<SessionEvent> events, Map<String, KnownSession> changes, PolledInputs inputs) {
        this(events, changes, inputs, Forgotten.NONE);
    }

    public Transitions(List<SessionEvent> events, Map<String, KnownSession> changes) {
        this(events, changes, null);
    }

    public static Transitions none() {
        return new Transitions(List.of(), Map.of());
    }

    public Transitions withInputs(PolledInputs polled) {
        return new Transitions(events, changes, polled, forgotten);
    }

    /** The same memory with these events instead (e.g. marked recovered). */
    public Transitions withEvents(List<SessionEvent> replaced) {
        return new Transitions(List.copyOf(replaced), changes, inputs, forgotten);
    }

    /** Transitions of snapshots taken one after another: all events in order; per session the latest memory. */
    public static Transitions inOrder(List<Transitions> runs) {
        if (runs.size() == 1) {
            return runs.get(0);
        }
        List<SessionEvent> events = new ArrayList<>();
        Map<String, KnownSession> changes = new LinkedHashMap<>();
        Forgotten forgotten = Forgotten.NONE;
        for (Transitions t : runs) {
            events.addAll(t.events());
            t.forgotten().sessions().forEach(changes::remove);
            changes.putAll(t.changes());
            forgotten = forgotten.then(t.forgotten(), t.changes().keySet());
        }
        return new Transitions(List.copyOf(events), changes, null, forgotten);
    }
}
