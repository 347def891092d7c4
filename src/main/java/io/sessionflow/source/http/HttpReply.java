package io.sessionflow.source.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

public record HttpReply(int status, Map<String, String> headers, byte[] body) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public String text() {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    public String header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }
}
