package io.sessionflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionflow.event.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares produced JSON with a reviewed expected file under src/test/resources. A missing expected file is
 * written (with -Dfixtures.write=true only, never in CI: {@link Ci}) so a new case can be reviewed by hand before it
 * is committed; an existing one is never rewritten.
 */
public final class GoldenFile {
    private GoldenFile() {
    }

    public static void assertMatches(Path expectedFile, Object actual) {
        try {
            String actualJson = EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(actual);
            if (!Files.exists(expectedFile) && Boolean.getBoolean("fixtures.write")) {
                if (Ci.active()) {
                    throw new AssertionError(expectedFile + " is missing, and CI writes no expected file "
                            + "(-Dfixtures.write is for a developer, who reviews the file before committing it)");
                }
                Files.writeString(expectedFile, actualJson + "\n");
            }
            assertThat(expectedFile).as("expected file (review it, then commit it)").exists();
            JsonNode expected = EventJson.mapper().readTree(expectedFile.toFile());
            assertThat(EventJson.mapper().readTree(actualJson)).as(actualJson).isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
