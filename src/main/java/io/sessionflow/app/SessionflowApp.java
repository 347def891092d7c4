package io.sessionflow.app;

import io.sessionflow.cluster.AccountRegistry;
import io.sessionflow.cluster.ClusterSettings;
import io.sessionflow.cluster.ClusterTopics;
import io.sessionflow.cluster.RouteOwners;
import io.sessionflow.cluster.SecretReferences;
import io.sessionflow.cluster.ShardManager;
import io.sessionflow.cluster.ShardMembership;
import io.sessionflow.cluster.TaskContext;
import io.sessionflow.config.AccountSettings;
import io.sessionflow.config.Settings;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.observe.Observability;
import io.sessionflow.observe.PipelineMetrics;
import io.sessionflow.observe.PollOutcomes;
import io.sessionflow.publish.BatchRecords;
import io.sessionflow.publish.TransactionalPublisher;
import io.sessionflow.source.SourceModule;
import io.sessionflow.source.SourceModules;
import io.sessionflow.source.http.LogSafe;
import io.sessionflow.source.http.VendorTls;
import io.sessionflow.state.StateFollower;
import io.sessionflow.trace.PollSpans;
import io.sessionflow.trace.Tracing;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * The pipeline: Camel Main with the YAML routes of {@code routes/}, the named beans they call, Kafka, and this
 * instance's membership in its cluster. Routes say what flows where; the beans bound here say how. Each account runs
 * its module's route templates on the instance that owns the account's shard ({@link ShardManager}).
 */
public final class SessionflowApp implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SessionflowApp.class);
    private final Settings settings;
    private final KafkaConnection kafka;
    private final Clock clock;
    private final Main main = new Main();
    private final ClusterSettings cluster;
    private final int shardCount;
    private final Observability observability;
    private final RouteOwners owners = new RouteOwners();
    private final Tracing tracing;
    private AccountRegistry accounts;
    private StateFollower state;
    private ShardManager shards;
    private volatile ShardMembership membership;
    private PollOutcomes outcomes;

    private SessionflowApp(Settings settings, KafkaConnection kafka, Clock clock, Tracing tracing) {
        this.settings = settings;
        this.kafka = kafka;
        this.clock = clock;
        this.tracing = tracing;
        this.observability = new Observability(settings);
        this.cluster = ClusterSettings.from(settings);
        this.shardCount = ClusterTopics.ensure(kafka.client(), cluster,
                (short) settings.integer("sessionflow.kafka.replication-factor"));
    }

    /** Validates all settings first, the environment's accounts included; each problem is one line of the exception. */
    public static SessionflowApp create(Settings settings, Clock clock) {
        return create(settings, clock, null);
    }

    /**
     * @param tracing the tracing to use, or null for the one the {@code OTEL_*} environment configures (off without
     *                any); a given one is the caller's to close
     */
    public static SessionflowApp create(Settings settings, Clock clock, Tracing tracing) {
        List<String> problems = new ArrayList<>(settings.validate());
        problems.addAll(VendorTls.problems(settings));
        if (problems.isEmpty()) {
            environmentAccounts(settings).forEach((module, account) -> problems.addAll(module.problems(account)));
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        LogSafe.redact(settings.secretValues());
        Tracing traces = tracing != null ? tracing : Tracing.fromEnvironment();
        try {
            return new SessionflowApp(settings, KafkaConnection.open(settings), clock, traces);
        } catch (RuntimeException e) {
            traces.close();
            throw e;
        }
    }

    /** Account {@code default} of every system whose enabling setting the environment sets. */
    private static Map<SourceModule, AccountSettings> environmentAccounts(Settings settings) {
        Map<SourceModule, AccountSettings> accounts = new java.util.LinkedHashMap<>();
        for (SourceModule module : SourceModules.all()) {
            if (settings.isSet(module.settingsPrefix() + module.enabledBy())) {
                accounts.put(module, module.defaultAccount(settings));
            }
        }
        return accounts;
    }

    /** Starts Camel and joins the cluster, returning once this instance is a member; {@link #close()} stops it. */
    public SessionflowApp start() {
        configure(false);
        try {
            main.start();
        } catch (Exception e) {
            throw new IllegalStateException("the pipeline did not start: " + e.getMessage(), e);
        }
        joinCluster(camel());
        return this;
    }

    /**
     * Blocks until the JVM is asked to stop (SIGTERM, Ctrl-C), then leaves the cluster gracefully. The JVM ends
     * when its shutdown hooks return; this one returns only once the in-flight polls have committed and the
     * producers are closed, so a SIGTERM never cuts a transaction short.
     */
    public void run() throws Exception {
        configure(true);
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
            // the spans of the last polls are exported before the JVM ends
            tracing.close();
            stopped.countDown();
        }
    }

    public KafkaConnection kafka() {
        return kafka;
    }

    public CamelContext camel() {
        return main.getCamelContext();
    }

    public ClusterSettings cluster() {
        return cluster;
    }

    /** The shards this instance owns and the accounts running in each (empty before it joined its cluster). */
    public Map<Integer, java.util.Set<SourceAccount>> owned() {
        return shards == null ? Map.of() : shards.owned();
    }

    /** Every account known to the cluster, running here or elsewhere. */
    public java.util.Set<SourceAccount> accounts() {
        return accounts == null ? java.util.Set.of() : accounts.accounts();
    }

    /** The bean the account's routes call while it runs on this instance. */
    public <T> java.util.Optional<T> source(SourceAccount account, Class<T> type) {
        return java.util.Optional.ofNullable(camel().getRegistry().lookupByNameAndType(
                io.sessionflow.cluster.ShardManager.beanName(account), type));
    }

    /** Stops the routes (in-flight polls finish and commit) and leaves Kafka up, for readers still reading. */
    public void stopPipeline() {
        try {
            leaveCluster();
            main.stop();
        } catch (Exception e) {
            throw new IllegalStateException("stopping Camel failed", e);
        }
    }

    @Override
    public void close() {
        try {
            leaveCluster();
            main.stop();
        } catch (Exception e) {
            throw new IllegalStateException("stopping Camel failed", e);
        } finally {
            kafka.close();
            tracing.close();
        }
    }

    /** @param running Camel Main runs until the JVM is asked to stop: joining and leaving follow its life cycle */
    private void configure(boolean running) {
        main.configure().withName("sessionflow").withRoutesIncludePattern(RouteFiles.includePattern(settings))
                .withDurationMaxMessages(0).withShutdownTimeout(30);
        main.setOverrideProperties(camelProperties());
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport support) {
                bindBeans(support.getCamelContext());
            }

            @Override
            public void afterStart(BaseMainSupport support) {
                if (running) {
                    joinCluster(support.getCamelContext());
                }
            }

            @Override
            public void beforeStop(BaseMainSupport support) {
                // hand the shards back while Camel still runs: in-flight polls finish and commit, then the group
                // moves the shards to the other instances at once
                leaveCluster();
            }
        });
    }

    private void bindBeans(CamelContext camel) {
        observability.bind(camel.getRegistry(), kafka.bootstrapServers());
        PipelineMetrics metrics = observability.metrics();
        outcomes = new PollOutcomes(metrics, clock);
        camel.getRegistry().bind("pollOutcomes", outcomes);
        camel.getRegistry().bind("perSystemTopics", new PerSystemTopics(kafka.topics().events()));
        // failures are recorded for the cluster view by the shard manager, which is made next
        PollFailures failures = new PollFailures(outcomes, owners, (account, error) -> shards.failed(account, error));
        camel.getRegistry().bind("pollFailures", failures);
        TaskContext tasks = new TaskContext(camel, camel.createProducerTemplate(), clock, metrics, outcomes, owners,
                VendorTls.bind(settings, camel.getRegistry()), failures, tracing);
        if (tracing.on()) {
            camel.addRoutePolicyFactory(new PollSpans(tracing.tracer(), owners::accountOf));
        }
        accounts = new AccountRegistry(settings, kafka.client(), cluster.accountsTopic(),
                SecretReferences.ofThisProcess());
        state = new StateFollower(kafka.client(), kafka.topics().state());
        BatchRecords records = new BatchRecords(kafka.topics());
        shards = new ShardManager(shardCount, cluster.revokeTimeout(), accounts, tasks,
                shard -> new TransactionalPublisher(records,
                        TransactionalPublisher.kafkaProducers(kafka.producerClient(), cluster.transactionalId(shard)),
                        tracing, () -> membership != null && membership.owns(shard)),
                wanted -> state.restore(wanted, Duration.ofSeconds(60)));
        camel.getRegistry().bind("kafkaPublisher", shards);
    }

    /** Once Camel runs (the route templates are loaded): read the accounts, then join the group. */
    private void joinCluster(CamelContext camel) {
        accounts.start();
        state.start();
        accounts.onChange(shards::accountsChanged);
        membership = new ShardMembership(cluster, kafka.client(), shards);
        membership.start();
        LOG.info("instance '{}' joined cluster '{}' ({} shards, {} accounts known)", cluster.instance(), cluster.name(),
                shardCount, accounts.accounts().size());
    }

    private synchronized void leaveCluster() {
        if (membership != null) {
            membership.close();
            membership = null;
            LOG.info("stopped cleanly: in-flight polls finished and committed, producers closed, left the cluster");
        }
        if (shards != null) {
            shards.close();
        }
        if (accounts != null) {
            accounts.close();
        }
        if (state != null) {
            state.close();
        }
    }

    private Properties camelProperties() {
        Properties p = settings.asProperties();
        observability.addCamelProperties(p);
        p.putAll(kafka.camelProperties());
        return p;
    }
}
