package io.sessionflow.cluster;

import io.micrometer.core.instrument.Meter;
import io.sessionflow.config.AccountSettings;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.observe.SourceHealthCheck;
import io.sessionflow.source.AccountContext;
import io.sessionflow.source.AccountSource;
import io.sessionflow.source.SourceModule;
import io.sessionflow.track.SessionTracker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.health.HealthCheckRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One account running on this instance, as Kafka Streams runs a task: its source bean, its tracker (restored from the
 * state topic), its routes (the module's templates), its health check and gauges. Started when its shard is assigned
 * or the account is added, stopped when either goes away.
 */
final class AccountTask {
    private static final Logger LOG = LoggerFactory.getLogger(AccountTask.class);
    private final SourceAccount account;
    private final AccountSettings settings;
    private final Object version;
    private final SessionTracker tracker;
    private final TaskContext context;
    private final String beanName;
    private final List<String> routeIds = new ArrayList<>();
    private final List<Meter> meters = new ArrayList<>();
    private SourceHealthCheck health;
    private AccountSource source;
    private Duration pollInterval = Duration.ZERO;

    private AccountTask(AccountSettings settings, Object version, SessionTracker tracker, TaskContext context) {
        this.account = settings.account();
        this.settings = settings;
        this.version = version;
        this.tracker = tracker;
        this.context = context;
        this.beanName = ShardManager.beanName(account);
    }

    /** @param version what the account is configured with (its stored record): a change restarts the task */
    static AccountTask of(AccountSettings settings, Object version, SessionTracker tracker, TaskContext context) {
        return new AccountTask(settings, version, tracker, context);
    }

    Object version() {
        return version;
    }

    /** @throws RuntimeException when the account cannot run here (its settings, its vendor client) */
    void start(SourceModule module) {
        try {
            run(module);
        } catch (RuntimeException e) {
            stop(Duration.ZERO);
            throw e;
        }
    }

    SourceAccount account() {
        return account;
    }

    AccountSettings settings() {
        return settings;
    }

    SessionTracker tracker() {
        return tracker;
    }

    /** How often its route runs: a poll, or a push source's expiry check; its watermarks say so. */
    Duration pollInterval() {
        return pollInterval;
    }

    private void run(SourceModule module) {
        CamelContext camel = context.camel();
        pollInterval = module.pollInterval(settings);
        source = module.createSource(new AccountContext(settings, tracker, context.clock(), context.template(),
                context.metrics(), context.vendorTls(), context.failures(), context.tracing()));
        camel.getRegistry().bind(beanName, source);
        meters.add(context.metrics().trackedSessions(account, tracker.known()));
        meters.addAll(context.metrics().accountStarted(account, pollInterval, () -> context.outcomes().ready(account),
                context.clock().instant()));
        health = new SourceHealthCheck(account, context.outcomes());
        HealthCheckRegistry.get(camel).register(health);
        Map<String, Object> parameters = new HashMap<>(source.routeParameters());
        parameters.put("account", account.account());
        parameters.put("source", beanName);
        parameters.put("interval", String.valueOf(module.pollInterval(settings).toMillis()));
        for (String template : module.routes().templates()) {
            String routeId = RouteOwners.routeId(template, account);
            context.owners().add(routeId, account);
            routeIds.add(routeId);
            TemplatedRouteBuilder.builder(camel, template).routeId(routeId).parameters(parameters).add();
        }
        source.start();
        LOG.debug("{} runs here", account);
    }

    /**
     * The source stops first (a push feed stops queueing), then each route gracefully: an in-flight poll finishes and
     * commits, unless it takes longer than {@code timeout}; then it is cut short and its batch is refused.
     */
    void stop(Duration timeout) {
        CamelContext camel = context.camel();
        stopSource();
        // the last route of a module's templates first: a route that feeds another (Tradernet's expiry check feeds its
        // queue) stops before the one it feeds, which then has nothing left to wait for
        List<String> lastFirst = new ArrayList<>(routeIds);
        java.util.Collections.reverse(lastFirst);
        for (String routeId : lastFirst) {
            try {
                if (timeout.isZero()) {
                    camel.getRouteController().stopRoute(routeId, 1, TimeUnit.MILLISECONDS, false);
                } else {
                    camel.getRouteController().stopRoute(routeId, timeout.toMillis(), TimeUnit.MILLISECONDS);
                }
                camel.removeRoute(routeId);
            } catch (Exception e) {
                LOG.warn("{}: route {} did not stop cleanly: {}", account, routeId, e.toString());
            }
            context.owners().remove(routeId);
        }
        camel.getRegistry().unbind(beanName);
        if (health != null) {
            HealthCheckRegistry.get(camel).unregister(health);
        }
        meters.forEach(context.metrics()::forget);
        context.metrics().forgetWatermark(account);
        context.outcomes().forget(account);
    }

    /** A push feed stops queueing; polls stop with their routes. */
    void stopSource() {
        if (source != null) {
            closeQuietly(source);
            source = null;
        }
    }

    List<String> routeIds() {
        return List.copyOf(routeIds);
    }

    private void closeQuietly(AccountSource s) {
        try {
            s.close();
        } catch (RuntimeException e) {
            LOG.warn("{}: closing its source failed: {}", account, e.toString());
        }
    }
}
