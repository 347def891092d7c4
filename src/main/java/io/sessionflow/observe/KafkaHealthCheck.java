package io.sessionflow.observe;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** Kafka reachable: the cluster answers a describe-cluster within a few seconds. Liveness and readiness. */
public final class KafkaHealthCheck extends AbstractHealthCheck {
    private static final int TIMEOUT_MS = 3000;
    private final String bootstrapServers;

    public KafkaHealthCheck(String bootstrapServers) {
        super("sessionflow", "kafka");
        this.bootstrapServers = bootstrapServers;
    }

    /** Camel leaves a check out of /observe/health/live unless it says so; the compose healthcheck asks /live. */
    @Override
    public boolean isLiveness() {
        return true;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Properties p = new Properties();
        p.putAll(io.sessionflow.kafka.KafkaClients.base(bootstrapServers));
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        try (Admin admin = Admin.create(p)) {
            String clusterId = admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS))
                    .clusterId().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            builder.detail("cluster.id", clusterId).up();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            builder.message(io.sessionflow.kafka.KafkaRefusal.line(e, bootstrapServers, "Describe", "the cluster")
                    .orElse("Kafka at " + bootstrapServers + " not reachable: " + e.getClass().getSimpleName())).down();
        }
    }
}
