package io.sessionflow.observe;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sessionflow.config.Settings;
import java.util.Properties;
import org.apache.camel.spi.Registry;

/**
 * Health and metrics over HTTP with Camel's own parts: the management server of camel-platform-http-main
 * serves /observe/health (Camel's health checks, ours included) and /observe/metrics (camel-micrometer-prometheus,
 * scraping the registry bound here, where {@link PipelineMetrics} adds Sessionflow's meters).
 */
public final class Observability {
    /** The bean name camel-micrometer-prometheus looks up before it would create a registry of its own. */
    private static final String REGISTRY_BEAN = "metricsRegistry";
    private final Settings settings;
    private final PipelineMetrics metrics = new PipelineMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));

    public Observability(Settings settings) {
        this.settings = settings;
    }

    public PipelineMetrics metrics() {
        return metrics;
    }

    public void bind(Registry registry, String bootstrapServers) {
        registry.bind(REGISTRY_BEAN, metrics.registry());
        registry.bind("kafkaHealthCheck", new KafkaHealthCheck(bootstrapServers));
    }

    /** Camel Main properties for the management server; port 0 leaves it off. */
    public void addCamelProperties(Properties p) {
        int port = settings.integer("sessionflow.observe.port");
        p.setProperty("camel.metrics.enabled", "true");
        // per-exchange timers of Camel's event notifier clash with its route metrics in Prometheus (same name,
        // other tags) and add nothing the route policy metrics do not already say
        p.setProperty("camel.metrics.enableExchangeEventNotifier", "false");
        p.setProperty("camel.health.enabled", "true");
        // details (last success, last error) in /observe/health; they never hold a credential
        p.setProperty("camel.health.exposureLevel", "full");
        p.setProperty("camel.management.enabled", String.valueOf(port > 0));
        if (port > 0) {
            p.setProperty("camel.management.port", String.valueOf(port));
            p.setProperty("camel.management.host", settings.string("sessionflow.observe.host"));
            p.setProperty("camel.management.healthCheckEnabled", "true");
            p.setProperty("camel.management.metricsEnabled", "true");
        }
    }
}
