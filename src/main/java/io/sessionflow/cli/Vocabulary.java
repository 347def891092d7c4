package io.sessionflow.cli;

import io.sessionflow.event.EventType;
import io.sessionflow.source.SourceModules;
import java.util.Arrays;
import java.util.List;

/**
 * The values a filter can name: known systems and event types. A value naming neither is refused, so a typo
 * ({@code webinr}, {@code session.begun}) cannot pass as a filter that matches nothing.
 */
public final class Vocabulary {
    private static final String TYPE_PREFIX = "sessionflow.";

    private Vocabulary() {
    }

    /** The system ids events can carry: those of the source modules on the classpath. */
    public static List<String> knownSystems() {
        return SourceModules.all().stream().map(m -> m.system().id()).toList();
    }

    public static String system(String value) {
        if (!knownSystems().contains(value)) {
            throw new IllegalArgumentException("unknown system '" + value + "'; known: "
                    + String.join(", ", knownSystems()));
        }
        return value;
    }

    /** The full CloudEvents type of {@code session.started} or {@code sessionflow.session.started}. */
    public static String type(String value) {
        String full = value.startsWith(TYPE_PREFIX) ? value : TYPE_PREFIX + value;
        if (Arrays.stream(EventType.values()).noneMatch(t -> t.type().equals(full))) {
            throw new IllegalArgumentException("unknown event type '" + value + "'; known: " + String.join(", ",
                    Arrays.stream(EventType.values()).map(t -> t.type().substring(TYPE_PREFIX.length())).toList())
                    + " (with or without the sessionflow. prefix)");
        }
        return full;
    }
}
