package io.sessionflow.source.webinar;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionflow.source.Json;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An event's time zone by the name webinar.ru gives (e.g. {@code Europe/Moscow}); UTC when absent or unknown.
 * Resolved names are kept, so mapping a record does not resolve its zone again. The cache is bounded, since the
 * name is vendor text; past the bound names are resolved every time.
 */
final class WebinarZones {
    private static final int MAX_CACHED = 1_000;
    private static final Map<String, ZoneId> RESOLVED = new ConcurrentHashMap<>();

    private WebinarZones() {
    }

    /** The zone of an event session: {@code timezoneName}, or the {@code timezone} object's {@code name}. */
    static ZoneId ofSession(JsonNode s) {
        String name = Json.text(s, "timezoneName");
        JsonNode tz = name == null ? s.get("timezone") : null;
        if (tz != null && tz.isObject()) {
            name = Json.text(tz, "name");
        }
        return of(name);
    }

    static ZoneId of(String name) {
        if (name == null) {
            return ZoneOffset.UTC;
        }
        ZoneId known = RESOLVED.get(name);
        if (known != null) {
            return known;
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(name);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
        if (RESOLVED.size() < MAX_CACHED) {
            RESOLVED.put(name, zone);
        }
        return zone;
    }
}
