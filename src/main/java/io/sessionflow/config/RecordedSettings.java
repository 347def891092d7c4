package io.sessionflow.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Settings a run wrote its data with, kept beside that data, so a later command that reads the data can read it
 * the same way. The demo records the settings it points the sources at (page sizes, trainings, windows are part of
 * every archived request); {@code rederive} applies them when it reads the demo's broker. Secret values are never
 * written: a placeholder stands for them (re-derivation answers from the archive and sends nothing).
 */
public final class RecordedSettings {
    /** Beside the embedded broker's data, in its data folder. */
    public static final String FILE_NAME = "sessionflow-demo-settings.properties";
    private static final String SECRET_PLACEHOLDER = "not-recorded";

    private RecordedSettings() {
    }

    public static Path besideData(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    public static void write(Path file, Map<String, String> settings, SettingsCatalog catalog) {
        Properties p = new Properties();
        new TreeMap<>(settings).forEach((key, value) ->
                p.setProperty(key, catalog.get(key).type() == SettingType.SECRET ? SECRET_PLACEHOLDER : value));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer out = Files.newBufferedWriter(file)) {
                p.store(out, "settings the sources ran with; rederive reads the archive with them (README: rederive)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the settings in " + file, e);
        }
    }

    /** @throws IllegalArgumentException when the file is unreadable or names a setting that does not exist */
    public static Map<String, String> read(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read recorded settings " + file + ": " + e.getMessage());
        }
        Map<String, String> values = new LinkedHashMap<>();
        SettingsCatalog catalog = SettingsCatalog.load();
        for (String key : p.stringPropertyNames()) {
            if (catalog.settings().stream().noneMatch(d -> d.key().equals(key))) {
                throw new IllegalArgumentException(file + " names no setting '" + key + "'");
            }
            values.put(key, p.getProperty(key));
        }
        return values;
    }
}
