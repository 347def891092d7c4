package io.sessionflow.replay;

import io.sessionflow.event.SessionEvent;
import java.util.List;

/**
 * Which events a replay keeps; an empty list means "any". Types match the full CloudEvents type
 * ({@code sessionflow.session.started}) or its short form without the prefix ({@code session.started}).
 */
public record EventFilter(List<String> systems, List<String> sessions, List<String> types) {
    private static final String TYPE_PREFIX = "sessionflow.";

    public static EventFilter any() {
        return new EventFilter(List.of(), List.of(), List.of());
    }

    public EventFilter {
        systems = List.copyOf(systems);
        sessions = List.copyOf(sessions);
        types = types.stream().map(t -> t.startsWith(TYPE_PREFIX) ? t : TYPE_PREFIX + t).toList();
    }

    public boolean accepts(SessionEvent event) {
        return matches(systems, event.data().system().id())
                && matches(sessions, event.subject())
                && matches(types, event.type().type());
    }

    /**
     * The same decision for a record read back, cheapest first: system and session come from the Kafka key of
     * the pipeline's records, and the type is only looked at when a type filter is set.
     */
    public boolean accepts(ReplayRecord record) {
        return (systems.isEmpty() || systems.contains(record.system()))
                && (sessions.isEmpty() || sessions.contains(record.sessionId()))
                && (types.isEmpty() || types.contains(record.type()));
    }

    private static boolean matches(List<String> wanted, String value) {
        return wanted.isEmpty() || wanted.contains(value);
    }
}
