package io.sessionflow.source.http;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.trace.TraceAttributes;

/**
 * A span per vendor request (a retry is one more, like the fetch metric), a child of the poll that sent it. Its
 * name is the system and the operation ({@code webinar GET}); the request line travels as an attribute, as it is
 * logged: the path and query only, never a header.
 */
public final class VendorSpans {
    public static final VendorSpans NONE = new VendorSpans(OpenTelemetry.noop().getTracer("none"), null);
    private final Tracer tracer;
    private final SourceAccount account;

    public VendorSpans(Tracer tracer, SourceAccount account) {
        this.tracer = tracer;
        this.account = account;
    }

    /** @param what the request as {@link HttpCall#describe()} or a SOAP operation says it */
    public Span start(String system, String what, int attempt) {
        int space = what.indexOf(' ');
        var span = tracer.spanBuilder(system + " " + (space > 0 ? what.substring(0, space) : what))
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(TraceAttributes.SYSTEM, system)
                .setAttribute("sessionflow.request", LogSafe.of(what))
                .setAttribute("sessionflow.attempt", attempt);
        if (account != null) {
            span.setAttribute(TraceAttributes.ACCOUNT, account.account());
        }
        return span.startSpan();
    }

    public static void failed(Span span, RuntimeException e) {
        span.setStatus(StatusCode.ERROR, LogSafe.of(e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getMessage()));
    }
}
