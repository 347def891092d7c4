package io.sessionflow.replay;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options of the offline commands (replay, report, rederive); unknown names are refused. */
public final class CommandArgs {
    private final Map<String, String> values = new LinkedHashMap<>();

    private CommandArgs() {
    }

    public static CommandArgs parse(String[] args, Set<String> allowed) {
        CommandArgs parsed = new CommandArgs();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--") || !allowed.contains(name.substring(2))) {
                throw new IllegalArgumentException("unknown option '" + name + "'; known: --" + String.join(", --", allowed));
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            parsed.values.put(name.substring(2), args[++i]);
        }
        return parsed;
    }

    public String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public String required(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    /** Comma-separated values; empty when the option is absent (no filter). */
    public List<String> list(String name) {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            return List.of();
        }
        return new ArrayList<>(Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
    }

    /** An ISO-8601 instant ({@code 2026-11-20T09:00:00Z}) or a UTC day ({@code 2026-11-20}, its midnight). */
    public Instant instant(String name, Instant fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--" + name + " '" + v + "' is neither 2026-11-20T09:00:00Z nor 2026-11-20");
        }
    }
}
