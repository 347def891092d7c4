package io.sessionflow.cli;

import io.sessionflow.app.ConfigurationException;
import io.sessionflow.config.Settings;
import java.util.List;

/** The settings a command reads, checked as a whole first: each problem is one line, and nothing starts. */
public final class CommandSettings {
    private CommandSettings() {
    }

    /** Unchecked: for where the log goes, decided before the command checks its settings. */
    static Settings raw() {
        return Settings.fromEnvironment();
    }

    public static Settings load() {
        Settings settings = Settings.fromEnvironment();
        List<String> problems = settings.validate();
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return settings;
    }
}
