package io.sessionflow.publish;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The CloudEvents distributed-tracing extension on a published event: a {@code traceparent} attribute after the
 * others. It is added to the serialized bytes rather than to the event: the event, its deterministic id and its one
 * serializer describe the vendor state and read the same with tracing on or off, while the extension describes one
 * publication of it (a replay copies it, a re-derivation has none of its own).
 */
public final class CloudEventTrace {
    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final byte[] ATTRIBUTE = ",\"traceparent\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final int VALUE_LENGTH = 55;
    private static final int SUFFIX_LENGTH = ATTRIBUTE.length + VALUE_LENGTH + 2;

    private CloudEventTrace() {
    }

    /** @param event a serialized event: one JSON object, nothing after its closing brace */
    static byte[] with(byte[] event, String traceparent) {
        if (!TRACEPARENT.matcher(traceparent).matches() || event.length == 0 || event[event.length - 1] != '}') {
            throw new IllegalArgumentException("not a serialized event and a W3C traceparent");
        }
        byte[] out = Arrays.copyOf(event, event.length - 1 + SUFFIX_LENGTH);
        System.arraycopy(ATTRIBUTE, 0, out, event.length - 1, ATTRIBUTE.length);
        byte[] value = (traceparent + "\"}").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(value, 0, out, event.length - 1 + ATTRIBUTE.length, value.length);
        return out;
    }

    /** The event as it reads without the extension: what a comparison of events by their bytes compares. */
    public static byte[] without(byte[] event) {
        int start = event.length - SUFFIX_LENGTH;
        if (start <= 0 || !Arrays.equals(event, start, start + ATTRIBUTE.length, ATTRIBUTE, 0, ATTRIBUTE.length)
                || event[event.length - 1] != '}') {
            return event;
        }
        byte[] out = Arrays.copyOf(event, start + 1);
        out[start] = '}';
        return out;
    }
}
