package io.sessionflow.source;

import java.util.List;

/** A module's settings check as lines: its config reader either builds or says, in one line, what is wrong. */
public final class ModuleChecks {
    private ModuleChecks() {
    }

    public static List<String> problems(Runnable readConfig) {
        try {
            readConfig.run();
            return List.of();
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage());
        }
    }
}
