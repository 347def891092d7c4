package io.sessionflow.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Route;
import org.apache.camel.Suspendable;
import org.apache.camel.spi.ShutdownAware;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Drains the routes of many accounts as one, before they are stopped: the consumers that start work (a poll's
 * timer) are suspended, those that drain a queue (a feed's) go on until it is empty, and all in-flight polls finish
 * and commit. Camel stops routes one at a time and checks each one's in-flight exchanges once a second, so a shard of
 * fifteen accounts handed back route by route would take longer than the group waits; drained, each stops at once.
 */
final class RouteDrain {
    private static final long STEP_MILLIS = 20;

    private RouteDrain() {
    }

    /** @return whether everything finished within the timeout */
    static boolean drain(CamelContext camel, List<String> routeIds, Duration timeout) throws InterruptedException {
        List<Route> routes = routeIds.stream().map(camel::getRoute).filter(Objects::nonNull).toList();
        for (Route route : routes) {
            Consumer consumer = route.getConsumer();
            if (!(consumer instanceof ShutdownAware) && consumer instanceof Suspendable) {
                ServiceHelper.suspendService(consumer);
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending(camel, routes) > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(STEP_MILLIS);
        }
        return true;
    }

    private static int pending(CamelContext camel, List<Route> routes) {
        int pending = 0;
        for (Route route : routes) {
            pending += camel.getInflightRepository().size(route.getRouteId());
            if (route.getConsumer() instanceof ShutdownAware queue) {
                pending += queue.getPendingExchangesSize();
            }
        }
        return pending;
    }
}
