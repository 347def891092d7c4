package io.sessionflow.source.seeit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sessionflow.demo.SimulatedHttpServer.Request;
import io.sessionflow.demo.SimulatedHttpServer.Response;
import io.sessionflow.demo.SimulatedVendor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * GoToAssist Seeit as its document describes it, on loopback: the Authorization header, {@code GET /sessions}
 * paged (page from 0, size default 5) and filtered by creation time with {@code links}, {@code GET
 * /sessions/{uuid}} (404 when unknown) and {@code POST /sessions}. Times are epoch milliseconds.
 */
public final class SeeitSimulator extends SimulatedVendor {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final SeeitWorld world;
    private final String token;
    private final List<String> served = Collections.synchronizedList(new ArrayList<>());

    public SeeitSimulator(SeeitWorld world, String token) {
        super("/seeit/v1", null);
        this.world = world;
        this.token = token;
    }

    public String baseUrl() {
        return address();
    }

    /** What was asked, in order: {@code list page=N} and {@code get <uuid>}; tests check paging with it. */
    public List<String> served() {
        synchronized (served) {
            return List.copyOf(served);
        }
    }

    @Override
    protected Response handle(Request r) {
        if (!("Bearer " + token).equals(r.header("Authorization"))) {
            return Response.json(401, "{\"error\":\"invalid or missing access token\"}");
        }
        if (r.path().equals("/sessions") && r.method().equals("GET")) {
            return list(r);
        }
        if (r.path().equals("/sessions") && r.method().equals("POST")) {
            SeeitWorld.Session s = world.create("api@example.org", Instant.now());
            return Response.json(201, JSON.objectNode().put("uuid", s.uuid).put("supportKey", s.supportKey)
                    .put("startUrl", startUrl(s)).toString());
        }
        if (r.path().startsWith("/sessions/") && r.method().equals("GET")) {
            String uuid = r.path().substring("/sessions/".length());
            served.add("get " + uuid);
            SeeitWorld.Session s = world.session(uuid);
            return s == null ? Response.json(404, "{\"error\":\"session not found\"}")
                    : Response.json(200, s.corrupt ? corrupt(s) : details(s).toString());
        }
        return Response.json(404, "{\"error\":\"no such resource\"}");
    }

    private Response list(Request r) {
        int page = Integer.parseInt(orDefault(r.param("page"), "0"));
        int size = Integer.parseInt(orDefault(r.param("size"), "5"));
        long from = Long.parseLong(orDefault(r.param("startTime"), String.valueOf(Long.MIN_VALUE)));
        long to = Long.parseLong(orDefault(r.param("endTime"), String.valueOf(Long.MAX_VALUE)));
        String sort = orDefault(r.param("sort"), "sessionCreateTime,asc");
        if (!sort.startsWith("sessionCreateTime")) {
            return Response.json(400, "{\"error\":\"the simulator sorts by sessionCreateTime only\"}");
        }
        served.add("list page=" + page);
        List<SeeitWorld.Session> matching = new ArrayList<>(world.sessions().stream()
                .filter(s -> s.createTime.toEpochMilli() >= from && s.createTime.toEpochMilli() <= to).toList());
        if (sort.endsWith(",desc")) {
            Collections.reverse(matching);
        }
        int totalPages = (matching.size() + size - 1) / size;
        ObjectNode out = JSON.objectNode();
        ArrayNode content = out.putArray("content");
        for (int i = page * size; i < Math.min(matching.size(), (page + 1) * size); i++) {
            SeeitWorld.Session s = matching.get(i);
            if (s.corrupt) {
                content.add(JSON.objectNode().put("uuid", s.uuid).put("sessionStatus", "EXPLODED")
                        .put("sessionCreateTime", s.createTime.toEpochMilli()).put("supportKey", s.supportKey));
            } else {
                content.add(details(s));
            }
        }
        ArrayNode links = out.putArray("links");
        links.add(link("self", page, size));
        if (page + 1 < totalPages) {
            links.add(link("next", page + 1, size));
        }
        if (page > 0) {
            links.add(link("prev", page - 1, size));
        }
        out.putObject("page").put("number", page).put("size", size).put("totalElements", matching.size())
                .put("totalPages", totalPages);
        return Response.json(200, out.toString());
    }

    private ObjectNode link(String rel, int page, int size) {
        return JSON.objectNode().put("href", baseUrl() + "/sessions?page=" + page + "&size=" + size).put("rel", rel);
    }

    private ObjectNode details(SeeitWorld.Session s) {
        ObjectNode o = JSON.objectNode();
        o.put("uuid", s.uuid);
        o.put("supportKey", s.supportKey);
        o.put("sessionStatus", s.status);
        o.put("sessionCreateTime", s.createTime.toEpochMilli());
        putTime(o, "sessionStartTime", s.startTime);
        putTime(o, "sessionJoinTime", s.joinTime);
        putTime(o, "sessionEndTime", s.endTime);
        o.put("technicianEmail", s.technicianEmail);
        o.put("sessionRecorded", s.recorded);
        if (!s.status.equals("FINISHED")) {
            o.put("startUrl", startUrl(s));
        }
        if (s.notes != null) {
            o.put("sessionNotes", s.notes);
        }
        o.put("sessionDataStatus", s.dataStatus);
        o.put("sessionDataPhotoCount", s.photoCount);
        o.put("sessionDataPhotoNotesCount", s.photoNotesCount);
        o.put("sessionDataSize", s.dataSize);
        if (s.dataStatus.equals("AVAILABLE")) {
            o.put("sessionDataDownloadUrl", world.dataDownloadBase() + s.uuid + ".zip");
            o.put("sessionDataDownloadUrlExpiration", s.endTime.plus(Duration.ofHours(72)).toEpochMilli());
        }
        return o;
    }

    /** A record the mapper must refuse: unknown status. */
    private static String corrupt(SeeitWorld.Session s) {
        return "{\"uuid\":\"" + s.uuid + "\",\"sessionStatus\":\"EXPLODED\",\"sessionCreateTime\":"
                + s.createTime.toEpochMilli() + "}";
    }

    private String startUrl(SeeitWorld.Session s) {
        return "https://seeit.example.invalid/start/" + s.uuid;
    }

    private static void putTime(ObjectNode o, String field, Instant t) {
        if (t != null) {
            o.put(field, t.toEpochMilli());
        }
    }

    private static String orDefault(String v, String d) {
        return v == null || v.isEmpty() ? d : v;
    }
}
