package io.sessionflow.source.storyclm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sessionflow.demo.SimulatedHttpServer.Request;
import io.sessionflow.demo.SimulatedHttpServer.Response;
import io.sessionflow.demo.SimulatedVendor;
import io.sessionflow.source.Json;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * StoryCLM's JSON command protocol as its document describes it, behind an HTTP bridge on loopback: POST
 * {@code {"Command", "Data"}}, answer {@code {ErrorMessage, GUID, Status, ErrorCode, Data}} (errors too
 * arrive with HTTP 200). Commands getsessions, getsessionbyid, sessionconupdate, deletesessionbyid.
 */
public final class StoryclmSimulator extends SimulatedVendor {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private final StoryclmWorld world;
    /** null accepts requests without Authorization, as a bridge without auth would */
    private final String token;
    private final List<String> commands = Collections.synchronizedList(new ArrayList<>());

    public StoryclmSimulator(StoryclmWorld world, String token) {
        super("/storyclm/bridge", null);
        this.world = world;
        this.token = token;
    }

    public String url() {
        return address();
    }

    /** Commands received, in order, e.g. {@code getsessionbyid 8031BA59...}. */
    public List<String> commands() {
        synchronized (commands) {
            return List.copyOf(commands);
        }
    }

    @Override
    protected Response handle(Request r) {
        if (!r.method().equals("POST")) {
            return Response.json(405, "{\"error\":\"POST a command\"}");
        }
        if (token != null && !("Bearer " + token).equals(r.header("Authorization"))) {
            return envelope(401, "unauthorized", "Authorization token is missing or invalid", null);
        }
        StoryclmWorld.Outage outage = world.outage();
        if (outage != null) {
            return envelope(outage.errorCode(), outage.status(), outage.message(), null);
        }
        JsonNode command = Json.parse(r.body(), "command");
        String name = Json.text(command, "Command");
        JsonNode data = command.get("Data");
        String id = Json.text(data, "id");
        commands.add(id == null ? String.valueOf(name) : name + " " + id);
        if ("getsessions".equals(name)) {
            ArrayNode list = JSON.arrayNode();
            world.sessions().forEach(s -> list.add(session(s)));
            return envelope(200, "no error", "", list);
        }
        StoryclmWorld.Session s = id == null ? null : world.session(id);
        if (name == null || !List.of("getsessionbyid", "sessionconupdate", "deletesessionbyid").contains(name)) {
            return envelope(400, "bad request", "unknown command " + name, null);
        }
        if (s == null) {
            return envelope(404, "not found", "session " + id + " not found", null);
        }
        if (name.equals("sessionconupdate")) {
            world.setVisit(id, intOr(data, "visit", s.visit), intOr(data, "confirmed", s.confirmed));
        }
        ObjectNode answer = session(s);
        if (name.equals("deletesessionbyid")) {
            world.delete(id);
        }
        return envelope(200, "no error", "", answer);
    }

    private static Response envelope(int code, String status, String message, JsonNode data) {
        ObjectNode o = JSON.objectNode();
        o.put("ErrorMessage", message);
        o.put("GUID", "GUID_" + UUID.randomUUID().toString().replace("-", ""));
        o.put("Status", status);
        o.put("ErrorCode", code);
        o.set("Data", data);
        return Response.json(200, o.toString());
    }

    private static ObjectNode session(StoryclmWorld.Session s) {
        ObjectNode o = JSON.objectNode();
        if (s.corrupt) {
            return o.put("id", s.id).put("start", "last tuesday").put("offset", s.offsetHours).put("finished", 0);
        }
        ZoneOffset offset = ZoneOffset.ofHours(s.offsetHours);
        o.put("id", s.id);
        o.put("start", LOCAL.format(LocalDateTime.ofInstant(s.start, offset)));
        o.put("latitude", "55.75578600");
        o.put("longtitude", "37.61763300");
        o.put("visit", s.visit);
        o.put("userName", s.userName);
        o.put("address", "Manezhnaya ploshchad',Moscow,Moscow,Russia,109012");
        o.put("confirmed", s.confirmed);
        o.put("offset", s.offsetHours);
        o.put("slides", s.slides);
        // an unfinished session reports its start as end, as a device that has not closed it yet would
        o.put("end", LOCAL.format(LocalDateTime.ofInstant(s.end == null ? s.start : s.end, offset)));
        o.put("checkIn", s.checkIn);
        o.put("finished", s.finished ? 1 : 0);
        o.put("duration", s.durationSeconds());
        o.put("presentationId", s.presentationId);
        return o;
    }

    private static int intOr(JsonNode data, String field, int fallback) {
        Long v = Json.number(data, field);
        return v == null ? fallback : v.intValue();
    }
}
