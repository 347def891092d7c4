package io.sessionflow.trace;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.source.http.LogSafe;
import java.util.Optional;
import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;

/**
 * A root span per exchange of an account's route: one poll, or one Tradernet feed group. It is the current span
 * while the route runs, so the vendor calls and the Kafka transaction of the poll are its children. Routes of no
 * account (the publish route, an operator's own) get none of their own.
 */
public final class PollSpans implements RoutePolicyFactory {
    private static final String OPEN = "sessionflow.pollSpan";
    private final Tracer tracer;
    private final Function<String, Optional<SourceAccount>> owners;

    /** @param owners the account a route id runs for */
    public PollSpans(Tracer tracer, Function<String, Optional<SourceAccount>> owners) {
        this.tracer = tracer;
        this.owners = owners;
    }

    private record Open(Span span, Scope scope, Thread thread) {
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camel, String routeId, NamedNode route) {
        return new RoutePolicySupport() {
            @Override
            public void onExchangeBegin(Route route, Exchange exchange) {
                owners.apply(route.getRouteId()).ifPresent(account -> begin(route.getRouteId(), account, exchange));
            }

            @Override
            public void onExchangeDone(Route route, Exchange exchange) {
                done(exchange);
            }
        };
    }

    private void begin(String routeId, SourceAccount account, Exchange exchange) {
        // named by the route template (webinar-rest-poll), not the account, so span names stay few
        String template = account.isDefault() ? routeId
                : routeId.substring(0, routeId.length() - account.account().length() - 1);
        Span span = tracer.spanBuilder(template).setNoParent()
                .setAttribute(TraceAttributes.SYSTEM, account.system().id())
                .setAttribute(TraceAttributes.ACCOUNT, account.account()).startSpan();
        exchange.setProperty(OPEN, new Open(span, span.makeCurrent(), Thread.currentThread()));
    }

    private static void done(Exchange exchange) {
        Open open = exchange.getProperty(OPEN, Open.class);
        if (open == null) {
            return;
        }
        exchange.removeProperty(OPEN);
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (failure == null) {
            failure = exchange.getException();
        }
        if (failure != null) {
            open.span().setStatus(StatusCode.ERROR, LogSafe.of(failure.getMessage() == null
                    ? failure.getClass().getSimpleName() : failure.getMessage()));
        }
        open.span().end();
        // a scope belongs to the thread that opened it; routes of accounts run synchronously, so it is this one
        if (open.thread() == Thread.currentThread()) {
            open.scope().close();
        }
    }
}
