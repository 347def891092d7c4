package io.sessionflow.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.sessionflow.app.SessionflowApp;
import io.sessionflow.cluster.AccountsCommand;
import io.sessionflow.config.Settings;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.kafka.Topics;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The whole app in this JVM, alone in a cluster of its own on the bench's broker, with webinar.ru accounts added as
 * an operator adds them; its own counters say what it committed.
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

    /** {@code sessionflow accounts add webinar <account> base-url=... token=${file:...} KEY=VALUE...} */
    void addWebinar(String account, String baseUrl, String token, String... more) throws Exception {
        addWebinar(kafka, cluster, topics, account, baseUrl, token, more);
    }

    /** The same against any cluster on the bench's broker, such as one of child processes. */
    static void addWebinar(BenchKafka kafka, String cluster, Topics topics, String account, String baseUrl,
                           String token, String... more) throws Exception {
        Path secret = Files.writeString(Files.createTempFile("bench-token", ".txt"), token);
        String[] args = new String[5 + more.length];
        args[0] = "add";
        args[1] = "webinar";
        args[2] = account;
        args[3] = "base-url=" + baseUrl;
        args[4] = "token=${file:" + secret + "}";
        System.arraycopy(more, 0, args, 5, more.length);
        Map<String, String> s = Map.of("sessionflow.kafka.bootstrap-servers", kafka.bootstrap(),
                "sessionflow.cluster", cluster, "sessionflow.topics.state", topics.state());
        new AccountsCommand(Settings.from(Map.of(), new Properties(), s),
                new PrintStream(OutputStream.nullOutputStream())).run(args);
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
