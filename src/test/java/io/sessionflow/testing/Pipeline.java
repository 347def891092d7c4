package io.sessionflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.app.SessionflowApp;
import io.sessionflow.config.Settings;
import io.sessionflow.kafka.Topics;
import io.sessionflow.trace.Tracing;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * The real pipeline (Camel Main, the YAML routes of routes/, camel-kafka) against the shared broker, with
 * topics of its own so tests do not see each other's records. Environment variables are not read.
 */
public final class Pipeline implements AutoCloseable {
    private final SessionflowApp app;
    private final Topics topics;
    private final String bootstrap;

    private Pipeline(SessionflowApp app, Topics topics, String bootstrap) {
        this.app = app;
        this.topics = topics;
        this.bootstrap = bootstrap;
    }

    public static Pipeline start(Map<String, String> settings) {
        return start(settings, Clock.systemUTC());
    }

    public static Pipeline start(Map<String, String> settings, Clock clock) {
        return start(settings, clock, Tracing.OFF);
    }

    /** With tracing: the OTEL_* environment is not read, the test gives its SDK (an in-memory exporter). */
    public static Pipeline start(Map<String, String> settings, Clock clock, Tracing tracing) {
        String prefix = "t" + UUID.randomUUID().toString().substring(0, 8);
        return startOn(SharedKafka.bootstrapServers(), Topics.prefixed(prefix), settings, clock, tracing);
    }

    /** Starts on existing topics: a restart of the same pipeline, its state restored from the state topic. */
    public static Pipeline startOn(Topics topics, Map<String, String> settings, Clock clock) {
        return startOn(SharedKafka.bootstrapServers(), topics, settings, clock);
    }

    /** On another broker, such as {@link SecuredKafka}'s. */
    public static Pipeline startOn(String bootstrap, Topics topics, Map<String, String> settings, Clock clock) {
        return startOn(bootstrap, topics, settings, clock, Tracing.OFF);
    }

    private static Pipeline startOn(String bootstrap, Topics topics, Map<String, String> settings, Clock clock,
                                    Tracing tracing) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("sessionflow.kafka.bootstrap-servers", bootstrap);
        all.put("sessionflow.instance-id", "test-" + topics.events());
        // a cluster of its own: pipelines of other tests on the shared broker never share its shards
        all.put("sessionflow.cluster", topics.events().substring(0, topics.events().lastIndexOf('.')));
        all.put("sessionflow.topics.events", topics.events());
        all.put("sessionflow.topics.raw", topics.raw());
        all.put("sessionflow.topics.dlq", topics.dlq());
        all.put("sessionflow.topics.state", topics.state());
        all.put("sessionflow.topics.watermarks", topics.watermarks());
        all.put("sessionflow.observe.port", "0"); // tests run side by side; ObserveTest picks a free port
        all.putAll(settings);
        SessionflowApp app = SessionflowApp.create(Settings.from(Map.of(), new Properties(), all), clock, tracing)
                .start();
        awaitAllAccountsRunning(app);
        return new Pipeline(app, app.kafka().topics(), bootstrap);
    }

    /** Alone in its cluster, the pipeline owns every shard: it has started once every account runs here. */
    private static void awaitAllAccountsRunning(SessionflowApp app) {
        Wait.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(running(app)).as("accounts running").containsAll(app.accounts()));
    }

    private static java.util.Set<io.sessionflow.event.SourceAccount> running(SessionflowApp app) {
        java.util.Set<io.sessionflow.event.SourceAccount> running = new java.util.HashSet<>();
        app.owned().values().forEach(running::addAll);
        return running;
    }

    public Topics topics() {
        return topics;
    }

    public TopicReader read(String topic) {
        return new TopicReader(bootstrap, topic);
    }

    public SessionflowApp app() {
        return app;
    }

    @Override
    public void close() {
        app.close();
    }
}
