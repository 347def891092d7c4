package io.sessionflow.config;

import java.util.stream.Collectors;

/** The Markdown table of every setting, printed by {@code settings} and kept in the README (a test checks). */
public final class SettingsTable {
    private SettingsTable() {
    }

    public static String markdown(SettingsCatalog catalog) {
        return "| environment variable | property | type | default | description |\n"
                + "|---|---|---|---|---|\n"
                + catalog.settings().stream()
                        .map(s -> "| `" + s.env() + "` | `" + s.key() + "` | "
                                + s.type().name().toLowerCase(java.util.Locale.ROOT)
                                + " | " + (s.defaultValue().isEmpty() ? "" : "`" + s.defaultValue() + "`") + " | "
                                + s.description().replace("|", "\\|") + " |")
                        .collect(Collectors.joining("\n"))
                + "\n";
    }
}
