package io.sessionflow.source.storyclm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sessionflow.source.Json;
import io.sessionflow.source.http.HttpCall;
import java.nio.charset.StandardCharsets;

/** The StoryCLM commands, each an HTTP POST of {@code {"Command": ..., "Data": ...}} to the bridge URL. */
final class StoryclmRequests {
    static final String GET_SESSIONS = "getsessions";
    static final String GET_SESSION_BY_ID = "getsessionbyid";
    private final StoryclmConfig config;

    StoryclmRequests(StoryclmConfig config) {
        this.config = config;
    }

    HttpCall getSessions() {
        return command(GET_SESSIONS, JsonNodeFactory.instance.objectNode());
    }

    HttpCall getSessionById(String id) {
        return command(GET_SESSION_BY_ID, JsonNodeFactory.instance.objectNode().put("id", id));
    }

    /** The command as logs and dead letters name it: the request line says only "POST /". */
    static String describe(String command, String id) {
        return id == null ? command : command + " " + id;
    }

    /** As {@link #describe(String, String)}, read back from a command's request body. */
    static String describe(HttpCall call) {
        JsonNode body = Json.parse(call.body(), "StoryCLM request");
        return describe(Json.text(body, "Command"), Json.text(body.path("Data"), "id"));
    }

    private HttpCall command(String name, ObjectNode data) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("Command", name);
        body.set("Data", data);
        HttpCall call = HttpCall.post("application/json", body.toString().getBytes(StandardCharsets.UTF_8));
        return config.hasToken() ? call.header("Authorization", "Bearer " + config.token()) : call;
    }
}
