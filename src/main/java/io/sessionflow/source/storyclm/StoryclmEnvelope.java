package io.sessionflow.source.storyclm;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionflow.source.Json;
import io.sessionflow.source.http.LogSafe;

/**
 * The answer to every StoryCLM command: {@code {ErrorMessage, GUID, Status, ErrorCode, Data}}. Only
 * ErrorCode 200 carries data; anything else is an error to report, never sessions to map.
 */
public record StoryclmEnvelope(String guid, JsonNode data) {
    static final long OK = 200;

    /** @throws StoryclmCommandException for an error envelope or an answer that is no envelope */
    public static StoryclmEnvelope of(JsonNode answer, String command) {
        if (answer == null || !answer.isObject() || !answer.has("ErrorCode")) {
            throw new StoryclmCommandException("StoryCLM " + command + " answered without an envelope (no ErrorCode): "
                    + LogSafe.of(answer), -1);
        }
        long code = errorCode(answer, command);
        if (code != OK) {
            throw new StoryclmCommandException("StoryCLM " + command + " failed: ErrorCode " + code
                    + ", Status '" + LogSafe.of(Json.text(answer, "Status"))
                    + "', ErrorMessage '" + LogSafe.of(Json.text(answer, "ErrorMessage")) + "'", code);
        }
        return new StoryclmEnvelope(Json.text(answer, "GUID"), answer.get("Data"));
    }

    private static long errorCode(JsonNode answer, String command) {
        try {
            Long code = Json.number(answer, "ErrorCode");
            return code == null ? -1 : code;
        } catch (RuntimeException e) {
            throw new StoryclmCommandException("StoryCLM " + command + " answered an unreadable ErrorCode: "
                    + LogSafe.of(answer.get("ErrorCode")), -1);
        }
    }
}
