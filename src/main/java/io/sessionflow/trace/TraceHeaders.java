package io.sessionflow.trace;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** The W3C trace context in text form, as it goes into Kafka headers and CloudEvents. */
public final class TraceHeaders {
    public static final String TRACEPARENT = "traceparent";

    private TraceHeaders() {
    }

    /** The W3C {@code traceparent} of the current span, or null when there is none (tracing off). */
    public static String currentTraceparent() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new LinkedHashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }
}
