package io.sessionflow.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionflow.event.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test resources under src/test/resources, read as JSON. */
public final class Fixtures {
    private Fixtures() {
    }

    public static JsonNode json(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
