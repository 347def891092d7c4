package io.sessionflow.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Resolved configuration: declared defaults, overridden by environment variables, overridden by
 * {@code -Dsessionflow.*} system properties. {@link #validate()} reports every problem, one line each.
 */
public final class Settings {
    private final SettingsCatalog catalog;
    private final Map<String, String> values;

    private Settings(SettingsCatalog catalog, Map<String, String> values) {
        this.catalog = catalog;
        this.values = values;
    }

    public static Settings from(Map<String, String> env, Properties system, Map<String, String> overrides) {
        SettingsCatalog catalog = SettingsCatalog.load();
        Map<String, String> values = new LinkedHashMap<>();
        for (SettingDef def : catalog.settings()) {
            String v = def.defaultValue();
            if (env.containsKey(def.env())) {
                v = env.get(def.env());
            }
            if (system.containsKey(def.key())) {
                v = system.getProperty(def.key());
            }
            if (overrides.containsKey(def.key())) {
                v = overrides.get(def.key());
            }
            values.put(def.key(), v == null ? "" : v.strip());
        }
        return new Settings(catalog, values);
    }

    public static Settings fromEnvironment() {
        return from(System.getenv(), System.getProperties(), Map.of());
    }

    public Settings with(Map<String, String> overrides) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        overrides.forEach((k, v) -> {
            catalog.get(k);
            copy.put(k, v);
        });
        return new Settings(catalog, copy);
    }

    /** @return one line per problem, naming the environment variable and what is wrong; empty when valid */
    /** The values of every secret setting that is set: what must never be shown anywhere. */
    public List<String> secretValues() {
        return catalog.settings().stream().filter(def -> def.type() == SettingType.SECRET)
                .map(def -> values.get(def.key())).filter(v -> v != null && !v.isBlank()).toList();
    }

    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        for (SettingDef def : catalog.settings()) {
            String value = values.get(def.key());
            String problem = def.type().problem(value);
            if (problem != null) {
                String shown = def.type() == SettingType.SECRET ? "(secret)" : "'" + value + "'";
                problems.add(def.env() + " " + shown + " " + problem);
            }
        }
        return problems;
    }

    /** @throws IllegalArgumentException when the setting is required here but empty */
    public String required(String key, String why) {
        String v = string(key);
        if (v.isEmpty()) {
            throw new IllegalArgumentException(catalog.get(key).env() + " is required " + why);
        }
        return v;
    }

    public String string(String key) {
        catalog.get(key);
        return values.getOrDefault(key, "");
    }

    public boolean isSet(String key) {
        return !string(key).isEmpty();
    }

    public Duration duration(String key) {
        String v = string(key);
        Duration d = SettingType.parseDuration(v);
        if (d == null) {
            throw new IllegalArgumentException(catalog.get(key).env() + " '" + v + "' is not a duration");
        }
        return d;
    }

    public int integer(String key) {
        return Integer.parseInt(string(key));
    }

    public boolean bool(String key) {
        return Boolean.parseBoolean(string(key));
    }

    public List<String> list(String key) {
        return SettingType.parseList(string(key));
    }

    /** All values as Camel property placeholders; secrets included, since routes may need them, never logged. */
    public Properties asProperties() {
        Properties p = new Properties();
        values.forEach(p::setProperty);
        return p;
    }

    public SettingsCatalog catalog() {
        return catalog;
    }
}
