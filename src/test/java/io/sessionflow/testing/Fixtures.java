package io.sessionflow.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionflow.event.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Test resources under src/test/resources, as bytes or read as JSON. */
public final class Fixtures {
    private Fixtures() {
    }

    public static JsonNode json(String resource) {
        try {
            return EventJson.mapper().readTree(find(resource)
                    .orElseThrow(() -> new IllegalArgumentException("no test resource " + resource)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Optional<byte[]> find(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
