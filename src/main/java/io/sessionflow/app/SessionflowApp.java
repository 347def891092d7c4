package io.sessionflow.app;

import io.sessionflow.config.Settings;
import io.sessionflow.publish.KafkaRecords;
import io.sessionflow.publish.PublishedBatches;
import io.sessionflow.source.SourceContext;
import io.sessionflow.source.SourceModule;
import io.sessionflow.source.Sources;
import io.sessionflow.track.InMemoryKnownSessions;
import io.sessionflow.track.SessionTracker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * The pipeline: Camel Main with the YAML routes of {@code routes/}, the named beans they call, and Kafka.
 * Routes say what flows where; the beans bound here say how.
 */
public final class SessionflowApp implements AutoCloseable {
    private final Settings settings;
    private final KafkaConnection kafka;
    private final Clock clock;
    private final Main main = new Main();
    private final SessionTracker tracker = new SessionTracker(new InMemoryKnownSessions());

    private SessionflowApp(Settings settings, KafkaConnection kafka, Clock clock) {
        this.settings = settings;
        this.kafka = kafka;
        this.clock = clock;
    }

    /** Validates all settings first; each problem is one line of the exception. */
    public static SessionflowApp create(Settings settings, Clock clock) {
        List<String> problems = new ArrayList<>(settings.validate());
        for (SourceModule source : Sources.all()) {
            try {
                if (source.enabled(settings)) {
                    source.pollInterval(settings);
                }
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return new SessionflowApp(settings, KafkaConnection.open(settings), clock);
    }

    public SessionflowApp start() {
        configure();
        try {
            main.start();
        } catch (Exception e) {
            throw new IllegalStateException("the pipeline did not start: " + e.getMessage(), e);
        }
        return this;
    }

    /** Blocks until the JVM is asked to stop (SIGTERM, Ctrl-C), then stops routes gracefully. */
    public void run() throws Exception {
        configure();
        main.run();
    }

    public KafkaConnection kafka() {
        return kafka;
    }

    public CamelContext camel() {
        return main.getCamelContext();
    }

    @Override
    public void close() {
        try {
            main.stop();
        } catch (Exception e) {
            throw new IllegalStateException("stopping Camel failed", e);
        } finally {
            kafka.close();
        }
    }

    private void configure() {
        main.configure().withName("sessionflow").withRoutesIncludePattern(routesPattern())
                .withDurationMaxMessages(0);
        main.setOverrideProperties(camelProperties());
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport support) {
                bindBeans(support.getCamelContext());
            }
        });
    }

    private void bindBeans(CamelContext camel) {
        SourceContext context = new SourceContext(settings, tracker, clock, camel.createProducerTemplate());
        for (SourceModule source : Sources.all()) {
            Object bean = source.createBean(context);
            camel.getRegistry().bind(source.beanName(), bean);
            if (bean instanceof org.apache.camel.Service service) {
                // a push source owns a connection: Camel stops it with the context
                try {
                    camel.addService(service, true, false);
                } catch (Exception e) {
                    throw new IllegalStateException("cannot register " + source.beanName() + " with Camel", e);
                }
            }
        }
        camel.getRegistry().bind("kafkaRecords", new KafkaRecords(kafka.topics(), camel));
        camel.getRegistry().bind("publishedBatches", new PublishedBatches(tracker));
        camel.getRegistry().bind("pollFailures", new PollFailures());
    }

    private Properties camelProperties() {
        Properties p = settings.asProperties();
        p.setProperty("sessionflow.kafka.brokers", kafka.bootstrapServers());
        for (SourceModule source : Sources.all()) {
            String prefix = "sessionflow." + source.system().id();
            boolean enabled = source.enabled(settings);
            p.setProperty(prefix + ".enabled", String.valueOf(enabled));
            p.setProperty(prefix + ".poll-interval-ms",
                    String.valueOf(enabled ? source.pollInterval(settings).toMillis() : 60_000));
        }
        return p;
    }

    private String routesPattern() {
        Path dir = Path.of(settings.string("sessionflow.routes.dir"));
        return Files.isDirectory(dir) ? "file:" + dir.toAbsolutePath() + "/**/*.yaml" : "classpath:routes/**/*.yaml";
    }
}
