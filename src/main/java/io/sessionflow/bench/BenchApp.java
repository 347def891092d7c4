package io.sessionflow.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.sessionflow.app.SessionflowApp;
import io.sessionflow.cluster.AccountsCommand;
import io.sessionflow.config.SettingType;
import io.sessionflow.config.Settings;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.kafka.Topics;
import io.sessionflow.source.SourceModule;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The whole app in this JVM, alone in a cluster of its own on the bench's broker, with accounts added as an operator
 * adds them; its own counters say what it committed.
 */
final class BenchApp implements AutoCloseable {
    private final BenchKafka kafka;
    private final Topics topics;
    private final String cluster;
    private final SessionflowApp app;
    private final MeterRegistry metrics;

    /** @param given settings of account {@code default} and the pipeline, beside the topics and cluster */
    BenchApp(BenchKafka kafka, String stage, Map<String, String> given) {
        this.kafka = kafka;
        this.topics = kafka.freshTopics(stage);
        this.cluster = topics.events().substring(0, topics.events().lastIndexOf('.'));
        Map<String, String> s = new LinkedHashMap<>();
        s.put("sessionflow.kafka.bootstrap-servers", kafka.bootstrap());
        s.put("sessionflow.instance-id", "bench-" + cluster);
        s.put("sessionflow.cluster", cluster);
        s.put("sessionflow.topics.events", topics.events());
        s.put("sessionflow.topics.raw", topics.raw());
        s.put("sessionflow.topics.dlq", topics.dlq());
        s.put("sessionflow.topics.state", topics.state());
        s.put("sessionflow.topics.watermarks", topics.watermarks());
        s.put("sessionflow.observe.port", "0");
        s.putAll(given);
        this.app = SessionflowApp.create(Settings.from(Map.of(), new Properties(), s), Clock.systemUTC()).start();
        this.metrics = app.camel().getRegistry().lookupByNameAndType("metricsRegistry", MeterRegistry.class);
    }

    /**
     * {@code sessionflow accounts add <system> <account> KEY=VALUE...}, as an operator adds an account: a secret
     * setting as a reference to a file holding it ({@code token=${file:...}}).
     *
     * @param settings the account's settings, keyed without the module's prefix
     */
    void addAccount(SourceModule module, String account, Map<String, String> settings) throws Exception {
        addAccount(kafka, cluster, topics, module, account, settings);
    }

    /** The same against any cluster on the bench's broker, such as one of child processes. */
    static void addAccount(BenchKafka kafka, String cluster, Topics topics, SourceModule module, String account,
                           Map<String, String> settings) throws Exception {
        Set<String> secret = new HashSet<>();
        module.settings().stream().filter(d -> d.type() == SettingType.SECRET).forEach(d -> secret.add(d.key()));
        List<String> args = new ArrayList<>(List.of("add", module.system().id(), account));
        for (Map.Entry<String, String> e : settings.entrySet()) {
            String value = e.getValue();
            if (secret.contains(e.getKey())) {
                Path file = Files.writeString(Files.createTempFile("bench-secret", ".txt"), value);
                file.toFile().deleteOnExit();
                value = "${file:" + file + "}";
            }
            args.add(e.getKey() + "=" + value);
        }
        Map<String, String> s = Map.of("sessionflow.kafka.bootstrap-servers", kafka.bootstrap(),
                "sessionflow.cluster", cluster, "sessionflow.topics.state", topics.state());
        new AccountsCommand(Settings.from(Map.of(), new Properties(), s),
                new PrintStream(OutputStream.nullOutputStream())).run(args.toArray(String[]::new));
    }

    Set<SourceAccount> running() {
        Set<SourceAccount> running = new HashSet<>();
        app.owned().values().forEach(running::addAll);
        return running;
    }

    int shards() {
        return app.cluster().shards();
    }

    double counted(String meter) {
        return metrics.find(meter).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    double published() {
        return counted("sessionflow.events.published");
    }

    double polls() {
        return counted("sessionflow.polls");
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited in vain for " + what);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        app.close();
    }
}
