package io.sessionflow.source.deskchat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sessionflow.demo.SimulatedHttpServer.Request;
import io.sessionflow.demo.SimulatedHttpServer.Response;
import io.sessionflow.demo.SimulatedVendor;
import java.time.Instant;
import java.util.List;

/** Deskchat as its API is described ({@code package-info}), on loopback: the API key, {@code GET /chats} paged. */
final class DeskchatSimulator extends SimulatedVendor {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final DeskchatWorld world;
    private final String apiKey;

    DeskchatSimulator(DeskchatWorld world, String apiKey) {
        super("/deskchat/v1", null);
        this.world = world;
        this.apiKey = apiKey;
    }

    String baseUrl() {
        return address();
    }

    @Override
    protected Response handle(Request r) {
        if (!apiKey.equals(r.header("X-Api-Key"))) {
            return Response.json(401, "{\"error\":\"invalid api key\"}");
        }
        if (!r.path().equals("/chats") || !r.method().equals("GET")) {
            return Response.json(404, "{\"error\":\"no such resource\"}");
        }
        int page = Integer.parseInt(r.param("page") == null ? "0" : r.param("page"));
        int size = Integer.parseInt(r.param("per_page") == null ? "20" : r.param("per_page"));
        List<DeskchatWorld.Chat> chats = world.chats();
        ObjectNode out = JSON.objectNode();
        ArrayNode list = out.putArray("chats");
        chats.stream().skip((long) page * size).limit(size).forEach(c -> list.add(json(c)));
        out.put("has_more", (long) (page + 1) * size < chats.size());
        return Response.json(200, out.toString());
    }

    private static ObjectNode json(DeskchatWorld.Chat c) {
        ObjectNode o = JSON.objectNode().put("id", c.id).put("state", c.state).put("topic", c.topic)
                .put("opened_at", c.openedAt.toString());
        putTime(o, "answered_at", c.answeredAt);
        putTime(o, "closed_at", c.closedAt);
        if (c.agent != null) {
            o.putObject("agent").put("email", c.agent);
        }
        o.putObject("customer").put("name", c.customer);
        return o;
    }

    private static void putTime(ObjectNode o, String field, Instant t) {
        if (t != null) {
            o.put(field, t.toString());
        }
    }
}
