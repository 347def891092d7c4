package io.sessionflow.bench;

import io.sessionflow.kafka.Topics;
import io.sessionflow.source.BenchSimulator;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Startup as an operator sees it: a new JVM running {@code sessionflow run} (Camel Main, YAML routes) against
 * the bench broker and the end-to-end module's simulator with one live session, timed from process start until its
 * first event is committed on Kafka. Then, after a quiet while of polling, the process's RSS and used heap.
 */
final class StartupStage {
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");
    private final BenchKafka kafka;
    private final Duration steadyStateWait;

    record Result(double millisToFirstEvent, long rssBytes, long heapUsedBytes) {
    }

    StartupStage(BenchKafka kafka, Duration steadyStateWait) {
        this.kafka = kafka;
        this.steadyStateWait = steadyStateWait;
    }

    Result run() throws Exception {
        Topics topics = kafka.freshTopics("startup");
        Path log = Files.createTempFile("sessionflow-bench-startup", ".log");
        try (BenchSimulator simulator = BenchModules.endToEnd().benchSimulator().orElseThrow().start(1);
             KafkaConsumer<String, byte[]> consumer = consumer(topics.events())) {
            long start = System.nanoTime();
            Process app = new ProcessBuilder(command(topics, simulator.settings()))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                awaitFirstRecord(consumer, app, log);
                double millis = (System.nanoTime() - start) / 1e6;
                Thread.sleep(steadyStateWait.toMillis());
                return new Result(millis, rss(app.pid()), heapUsed(app.pid()));
            } finally {
                app.destroy();
                if (!app.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    app.destroyForcibly();
                }
                Files.deleteIfExists(log);
            }
        }
    }

    private List<String> command(Topics topics, Map<String, String> vendor) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("-Dsessionflow.kafka.bootstrap-servers=" + kafka.bootstrap());
        cmd.add("-Dsessionflow.instance-id=bench-startup-" + topics.events().hashCode());
        cmd.add("-Dsessionflow.cluster=bench-startup-" + Integer.toHexString(topics.events().hashCode()));
        cmd.add("-Dsessionflow.topics.events=" + topics.events());
        cmd.add("-Dsessionflow.topics.raw=" + topics.raw());
        cmd.add("-Dsessionflow.topics.dlq=" + topics.dlq());
        cmd.add("-Dsessionflow.topics.state=" + topics.state());
        vendor.forEach((key, value) -> cmd.add("-D" + key + "=" + value));
        cmd.add("io.sessionflow.Sessionflow");
        cmd.add("run");
        return cmd;
    }

    private KafkaConsumer<String, byte[]> consumer(String topic) {
        Properties p = new Properties();
        p.putAll(io.sessionflow.kafka.KafkaClients.base(kafka.bootstrap()));
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(i -> new TopicPartition(topic, i.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    private static void awaitFirstRecord(KafkaConsumer<String, byte[]> consumer, Process app, Path log)
            throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        // polls in short steps: the step bounds how late the first record is noticed
        while (consumer.poll(Duration.ofMillis(20)).isEmpty()) {
            if (!app.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("sessionflow run published nothing (exit "
                        + (app.isAlive() ? "none" : app.exitValue()) + "); its log:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
        }
    }

    private static long rss(long pid) throws IOException {
        File status = new File("/proc/" + pid + "/status");
        if (!status.exists()) {
            return -1;
        }
        Matcher m = RSS.matcher(Files.readString(status.toPath()));
        return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
    }

    /** Used heap as the JVM itself reports it, through jcmd from the same JDK; -1 when jcmd is missing. */
    private static long heapUsed(long pid) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return -1;
        }
        Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.heap_info")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher m = HEAP_USED.matcher(out);
        return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
    }
}
