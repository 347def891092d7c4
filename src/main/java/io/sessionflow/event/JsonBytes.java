package io.sessionflow.event;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Streams JSON through the envelope mapper's generator into a buffer kept per thread, so writing a poll's
 * thousands of records does not grow a fresh buffer for each of them.
 */
public final class JsonBytes {
    /** A buffer that grew past this for one unusual record is dropped instead of being kept for good. */
    private static final int KEEP_AT_MOST = 1 << 20;
    private static final ThreadLocal<ByteArrayOutputStream> BUFFER =
            ThreadLocal.withInitial(() -> new ByteArrayOutputStream(2048));

    /** What to write into the generator. */
    @FunctionalInterface
    public interface Body {
        void writeTo(JsonGenerator g) throws IOException;
    }

    private JsonBytes() {
    }

    public static byte[] of(Body body) {
        ByteArrayOutputStream buffer = BUFFER.get();
        buffer.reset();
        try (JsonGenerator g = EventJson.mapper().createGenerator(buffer)) {
            body.writeTo(g);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON: " + e.getMessage(), e);
        }
        byte[] bytes = buffer.toByteArray();
        if (buffer.size() > KEEP_AT_MOST) {
            BUFFER.remove();
        }
        return bytes;
    }
}
