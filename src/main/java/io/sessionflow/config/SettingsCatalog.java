package io.sessionflow.config;

import io.sessionflow.source.SourceModule;
import io.sessionflow.source.SourceModules;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every setting: the pipeline's own, declared in {@code application.properties} (every {@code sessionflow.*} key
 * preceded by a comment {@code # [type] description}), then each source module's account settings as the
 * environment gives them to account {@code default} ({@code sessionflow.<system>.<key>}). The README table is
 * generated from this and checked by a test.
 */
public final class SettingsCatalog {
    private static final Pattern DOC = Pattern.compile("#\\s*\\[(\\w+)]\\s*(.*)");
    private final List<SettingDef> settings;

    private SettingsCatalog(List<SettingDef> settings) {
        this.settings = List.copyOf(settings);
    }

    public static SettingsCatalog load() {
        return of(SourceModules.all());
    }

    /** The pipeline's settings and these modules' (the README's table: the modules the jar ships). */
    public static SettingsCatalog of(List<SourceModule> modules) {
        List<SettingDef> all = new ArrayList<>(pipeline().settings);
        for (SourceModule module : modules) {
            module.settings().forEach(def -> all.add(def.under(module.settingsPrefix())));
        }
        return new SettingsCatalog(all);
    }

    /** The pipeline's own settings, without any source module's. */
    static SettingsCatalog pipeline() {
        try (InputStream in = SettingsCatalog.class.getResourceAsStream("/application.properties")) {
            if (in == null) {
                throw new IllegalStateException("application.properties is missing from the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SettingsCatalog parse(List<String> lines) {
        List<SettingDef> defs = new ArrayList<>();
        SettingType type = null;
        StringBuilder doc = new StringBuilder();
        for (String line : lines) {
            String l = line.strip();
            Matcher m = DOC.matcher(l);
            if (m.matches()) {
                type = SettingType.valueOf(m.group(1).toUpperCase(Locale.ROOT));
                doc.setLength(0);
                doc.append(m.group(2));
            } else if (l.startsWith("#") && type != null) {
                doc.append(' ').append(l.substring(1).strip());
            } else if (l.startsWith("sessionflow.") && l.contains("=")) {
                String key = l.substring(0, l.indexOf('=')).strip();
                if (type == null) {
                    throw new IllegalStateException("setting " + key + " has no '# [type] description' comment");
                }
                String value = l.substring(l.indexOf('=') + 1).strip();
                defs.add(new SettingDef(key, SettingDef.envNameOf(key), type, value, doc.toString().strip()));
                type = null;
            } else if (l.isEmpty()) {
                type = null;
            }
        }
        return new SettingsCatalog(defs);
    }

    public List<SettingDef> settings() {
        return settings;
    }

    public SettingDef get(String key) {
        return settings.stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("undeclared setting " + key));
    }
}
