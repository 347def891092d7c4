package io.sessionflow.app;

import io.sessionflow.config.Settings;
import io.sessionflow.observe.Observability;
import io.sessionflow.observe.PipelineMetrics;
import io.sessionflow.observe.PollOutcomes;
import io.sessionflow.observe.SourceHealthCheck;
import io.sessionflow.publish.BatchRecords;
import io.sessionflow.publish.TransactionalPublisher;
import io.sessionflow.state.StateRestore;
import io.sessionflow.source.SourceContext;
import io.sessionflow.source.SourceModule;
import io.sessionflow.source.http.LogSafe;
import io.sessionflow.source.http.VendorTls;
import io.sessionflow.source.Sources;
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
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SessionflowApp.class);
    private final Settings settings;
    private final KafkaConnection kafka;
    private final Clock clock;
    private final Main main = new Main();
    private final SessionTracker tracker;
    private final TransactionalPublisher publisher;
    private final Observability observability;

    private SessionflowApp(Settings settings, KafkaConnection kafka, Clock clock) {
        this.settings = settings;
        this.kafka = kafka;
        this.clock = clock;
        this.observability = new Observability(settings);
        this.tracker = new SessionTracker(StateRestore.read(kafka.bootstrapServers(), kafka.topics().state()),
                Sources.forgetting(settings));
        this.publisher = new TransactionalPublisher(new BatchRecords(kafka.topics()), tracker,
                TransactionalPublisher.kafkaProducers(kafka.bootstrapServers(), transactionalId(settings)));
    }

    /** One id per instance: a restarted instance fences its own zombie; two instances never share one. */
    static String transactionalId(Settings settings) {
        String instance = settings.string("sessionflow.instance-id");
        if (instance.isEmpty()) {
            try {
                instance = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                instance = "default";
            }
        }
        return "sessionflow-" + instance;
    }

    public SessionTracker tracker() {
        return tracker;
    }

    /** Validates all settings first; each problem is one line of the exception. */
    public static SessionflowApp create(Settings settings, Clock clock) {
        List<String> problems = new ArrayList<>(settings.validate());
        problems.addAll(VendorTls.problems(settings));
        if (problems.isEmpty()) {
            Sources.all().stream().filter(s -> s.enabled(settings)).forEach(s -> problems.addAll(s.problems(settings)));
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        LogSafe.redact(settings.secretValues());
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

    /**
     * Blocks until the JVM is asked to stop (SIGTERM, Ctrl-C), then stops routes gracefully. The JVM ends
     * when its shutdown hooks return; this one returns only once the in-flight poll has committed and the
     * producer is closed, so a SIGTERM never cuts a transaction short.
     */
    public void run() throws Exception {
        configure();
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        Thread holdJvm = new Thread(() -> {
            try {
                stopped.await(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sessionflow-graceful-stop");
        Runtime.getRuntime().addShutdownHook(holdJvm);
        try {
            main.run();
        } finally {
            stopped.countDown();
        }
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
            publisher.close();
            kafka.close();
        }
    }

    private void configure() {
        main.configure().withName("sessionflow").withRoutesIncludePattern(routesPattern())
                .withDurationMaxMessages(0).withShutdownTimeout(30);
        main.setOverrideProperties(camelProperties());
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport support) {
                bindBeans(support.getCamelContext());
            }

            @Override
            public void afterStop(BaseMainSupport support) {
                // routes have finished their in-flight polls (graceful shutdown), so no transaction is open
                publisher.close();
                LOG.info("stopped cleanly: in-flight polls finished and committed, producer closed");
            }
        });
    }

    private void bindBeans(CamelContext camel) {
        observability.bind(camel.getRegistry(), kafka.bootstrapServers());
        PipelineMetrics metrics = observability.metrics();
        SourceContext context = new SourceContext(settings, tracker, clock, camel.createProducerTemplate(), metrics,
                VendorTls.bind(settings, camel.getRegistry()));
        PollOutcomes outcomes = new PollOutcomes(metrics, clock);
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
            metrics.trackedSessions(source.system(), tracker.known());
            if (source.enabled(settings)) {
                camel.getRegistry().bind("sourceHealth-" + source.system().id(),
                        new SourceHealthCheck(source.system(), outcomes));
            }
        }
        camel.getRegistry().bind("kafkaPublisher", publisher);
        camel.getRegistry().bind("pollOutcomes", outcomes);
        camel.getRegistry().bind("pollFailures", new PollFailures(outcomes));
    }

    private Properties camelProperties() {
        Properties p = settings.asProperties();
        observability.addCamelProperties(p);
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
        return Files.isDirectory(dir) ? "file:" + dir.toAbsolutePath() + "/**/*.yaml" : PackagedRoutes.includePattern();
    }
}
