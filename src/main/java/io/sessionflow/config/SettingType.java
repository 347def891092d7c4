package io.sessionflow.config;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How a setting's text is checked; every problem is said in words a operator can act on. */
public enum SettingType {
    STRING, SECRET, URL, DURATION, INT, DECIMAL, BOOLEAN, LIST, PATH;

    /** @return null when valid, else what is wrong */
    String problem(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (this) {
            case URL -> urlProblem(value);
            case DURATION -> parseDuration(value) == null
                    ? "is not a duration like 500ms, 30s, 5m, 2h, 7d or PT30S"
                    : null;
            case INT -> value.matches("-?\\d{1,9}") ? null : "is not a whole number";
            case DECIMAL -> value.matches("\\d{1,9}(\\.\\d+)?") ? null : "is not a number like 20 or 0.5";
            case BOOLEAN -> value.matches("(?i)true|false") ? null : "must be true or false";
            default -> null;
        };
    }

    public static Duration parseDurationText(String value) {
        return parseDuration(value);
    }

    static Duration parseDuration(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("pt") || v.startsWith("p")) {
                return Duration.parse(v.toUpperCase(Locale.ROOT));
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            long n = Long.parseLong(v.substring(0, v.length() - 1));
            return switch (v.charAt(v.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> null;
            };
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String urlProblem(String value) {
        try {
            URI uri = new URI(value);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                return "is not an http(s) URL with a host";
            }
            if (uri.getUserInfo() != null) {
                return "must not carry credentials in the URL; use the token setting";
            }
            return uri.getQuery() != null || uri.getFragment() != null ? "must not have a query or fragment" : null;
        } catch (java.net.URISyntaxException e) {
            return "is not a valid URL";
        }
    }

    /** A comma-separated value as its items, stripped; empty items left out. */
    public static List<String> parseList(String value) {
        return value.isEmpty() ? List.of()
                : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
