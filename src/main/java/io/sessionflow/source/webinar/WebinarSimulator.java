package io.sessionflow.source.webinar;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sessionflow.demo.SimulatedHttpServer.Request;
import io.sessionflow.demo.SimulatedHttpServer.Response;
import io.sessionflow.demo.SimulatedVendor;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * webinar.ru user API v3 as the document describes it, on loopback: x-auth-token, the paged schedule,
 * event sessions (404 once deleted), participations and /stats/users connections. Times are written the
 * vendor's way, {@code 2016-03-24T12:00:00+0300}.
 */
public final class WebinarSimulator extends SimulatedVendor {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final DateTimeFormatter VENDOR_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx")
            .withZone(MOSCOW);
    /** The document's other form: the event's local time without an offset ({@code 2016-03-21 15:26:00}). */
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(MOSCOW);
    private volatile boolean localTimes;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final WebinarWorld world;
    private final String token;

    public WebinarSimulator(WebinarWorld world, String token) {
        this(world, token, null);
    }

    /** @param tls the certificate to serve HTTPS with; null for plain HTTP */
    public WebinarSimulator(WebinarWorld world, String token, javax.net.ssl.SSLContext tls) {
        super("/v3", tls);
        this.world = world;
        this.token = token;
    }

    public String baseUrl() {
        return address();
    }

    /** From now on every time is written in the event's local time without an offset, as the document also does. */
    public void writeLocalTimes() {
        localTimes = true;
    }

    private String time(java.time.Instant t) {
        return (localTimes ? LOCAL_TIME : VENDOR_TIME).format(t);
    }

    @Override
    protected Response handle(Request r) {
        if (r.header("x-auth-token") == null) {
            return Response.json(400, "{\"error\":{\"message\":\"x-auth-token header is required\"}}");
        }
        if (!token.equals(r.header("x-auth-token"))) {
            return Response.json(401, "{\"error\":{\"message\":\"Invalid token\"}}");
        }
        String[] p = r.path().replaceFirst("^/", "").split("/");
        if (r.path().equals("/organization/events/schedule")) {
            return schedule(r);
        }
        if (p.length >= 2 && p[0].equals("eventsessions")) {
            WebinarWorld.Session s = world.session(p[1]);
            if (s == null || s.deleted) {
                return Response.json(404, "{\"error\":{\"message\":\"EventSession not found\"}}");
            }
            if (p.length == 2) {
                return Response.json(200, s.corrupt ? corrupt(s) : eventSession(s).toString());
            }
            if (p.length == 3 && p[2].equals("participations")) {
                return Response.json(200, participations(s).toString());
            }
        }
        if (r.path().equals("/stats/users")) {
            return statsUsers(r.param("eventId"));
        }
        return Response.json(404, "{\"error\":{\"message\":\"no such method\"}}");
    }

    private Response schedule(Request r) {
        int page = Integer.parseInt(orDefault(r.param("page"), "1"));
        int perPage = Integer.parseInt(orDefault(r.param("perPage"), "10"));
        LocalDate from = LocalDate.parse(orDefault(r.param("from"), LocalDate.now().toString()));
        LocalDate to = r.param("to") == null ? from.plusYears(1) : LocalDate.parse(r.param("to"));
        Set<String> statuses = Set.copyOf(r.query().getOrDefault("status[]", List.of("ACTIVE", "START", "STOP")));
        Map<String, List<WebinarWorld.Session>> byEvent = new LinkedHashMap<>();
        for (WebinarWorld.Session s : world.sessions()) {
            LocalDate day = LocalDate.ofInstant(s.startsAt, MOSCOW);
            boolean listed = !s.deleted && !s.unlisted && statuses.contains(s.status);
            if (listed && !day.isBefore(from) && !day.isAfter(to)) {
                byEvent.computeIfAbsent(s.eventId, e -> new ArrayList<>()).add(s);
            }
        }
        List<String> eventIds = new ArrayList<>(byEvent.keySet());
        ArrayNode out = JSON.arrayNode();
        for (int i = (page - 1) * perPage; i < Math.min(eventIds.size(), page * perPage); i++) {
            List<WebinarWorld.Session> sessions = byEvent.get(eventIds.get(i));
            ObjectNode event = out.addObject();
            event.put("id", eventIds.get(i));
            event.put("status", sessions.stream().allMatch(s -> s.status.equals("STOP")) ? "STOP" : "ACTIVE");
            event.put("name", sessions.get(0).name);
            event.put("startsAt", time(sessions.get(0).startsAt));
            event.put("timezoneName", MOSCOW.getId());
            ArrayNode list = event.putArray("eventSessions");
            sessions.forEach(s -> list.add(eventSession(s)));
        }
        if (page == 1 && !world.bogusIds().isEmpty()) {
            ObjectNode event = out.addObject();
            event.put("id", "9999");
            event.put("status", "ACTIVE");
            event.put("name", "listed ids without sessions");
            ArrayNode list = event.putArray("eventSessions");
            // scheduled and live in turn, so both ways a listed session is read meet them
            List<String> bogus = world.bogusIds();
            for (int i = 0; i < bogus.size(); i++) {
                list.addObject().put("id", bogus.get(i)).put("status", i % 2 == 0 ? "ACTIVE" : "START");
            }
        }
        return Response.json(200, out.toString());
    }

    private ObjectNode eventSession(WebinarWorld.Session s) {
        ObjectNode o = JSON.objectNode();
        o.put("id", Integer.parseInt(s.id));
        o.put("isDeleted", false);
        o.put("createAt", time(s.createAt));
        o.put("updateAt", time(s.updateAt));
        o.put("organizationId", Integer.parseInt(WebinarWorld.ORGANIZATION));
        o.put("access", 1);
        o.put("lang", "RU");
        o.put("name", s.name);
        if (s.description != null) {
            o.put("description", s.description);
        }
        o.put("status", s.status);
        o.put("eventId", s.eventId);
        o.put("startsAt", time(s.startsAt));
        o.put("utcStartsAt", s.startsAt.getEpochSecond());
        o.put("endsAt", s.endsAt == null ? "0" : time(s.endsAt));
        o.put("duration", "PT1H0M0S");
        o.put("isRecording", "1");
        o.put("timezoneName", MOSCOW.getId());
        ObjectNode user = o.putObject("createUser");
        user.put("id", 274);
        user.put("name", "Юрий");
        user.put("secondName", "Барсуклв");
        return o;
    }

    /** A record the mapper must refuse: unknown status and an unreadable time. */
    private static String corrupt(WebinarWorld.Session s) {
        return "{\"id\":" + s.id + ",\"status\":\"EXPLODED\",\"startsAt\":\"yesterday-ish\",\"name\":\"" + s.name
                + "\"}";
    }

    private static ArrayNode participations(WebinarWorld.Session s) {
        ArrayNode out = JSON.arrayNode();
        Map<String, WebinarWorld.User> users = new LinkedHashMap<>();
        s.connections.forEach(c -> users.putIfAbsent(c.user.id(), c.user));
        int n = 26640;
        for (WebinarWorld.User u : users.values()) {
            ObjectNode p = out.addObject();
            p.put("id", n++);
            p.put("name", u.name());
            p.put("eventId", Integer.parseInt(s.eventId));
            p.put("eventSessionId", Integer.parseInt(s.id));
            p.put("isAccepted", 1);
            p.put("role", "GUEST");
            p.put("userId", Integer.parseInt(u.id()));
            p.put("visited", true);
        }
        return out;
    }

    private Response statsUsers(String eventId) {
        Map<String, ObjectNode> users = new LinkedHashMap<>();
        for (WebinarWorld.Session s : world.sessions()) {
            if (!s.eventId.equals(eventId) || s.connections.isEmpty()) {
                continue;
            }
            Map<String, ArrayNode> connectionsByUser = new LinkedHashMap<>();
            for (WebinarWorld.Connection c : s.connections) {
                ObjectNode user = users.computeIfAbsent(c.user.id(), id -> {
                    ObjectNode u = JSON.objectNode();
                    u.put("id", id);
                    u.put("email", c.user.email());
                    u.put("name", c.user.name());
                    u.put("secondName", c.user.secondName());
                    u.putArray("eventSessions");
                    return u;
                });
                ArrayNode connections = connectionsByUser.computeIfAbsent(c.user.id(), id -> {
                    ObjectNode visited = ((ArrayNode) user.get("eventSessions")).addObject();
                    visited.put("id", s.id);
                    visited.put("name", s.name);
                    visited.put("startsAt", time(s.startsAt));
                    visited.put("endsAt", s.endsAt == null ? "0" : time(s.endsAt));
                    return visited.putArray("connections");
                });
                ObjectNode conn = connections.addObject();
                conn.put("joined", time(c.joined));
                if (c.leaved != null) {
                    conn.put("leaved", time(c.leaved));
                    conn.put("duration", c.leaved.getEpochSecond() - c.joined.getEpochSecond());
                }
                conn.put("country", "Russia");
                conn.put("city", "Moscow");
                conn.put("platform", "Web");
            }
        }
        if (users.isEmpty()) {
            return Response.json(404, "{\"error\":{\"message\":\"no visited events in the period\"}}");
        }
        ArrayNode out = JSON.arrayNode();
        users.values().forEach(out::add);
        return Response.json(200, out.toString());
    }

    private static String orDefault(String v, String d) {
        return v == null || v.isEmpty() ? d : v;
    }
}
