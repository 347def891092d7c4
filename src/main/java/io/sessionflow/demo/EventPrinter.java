package io.sessionflow.demo;

import io.sessionflow.event.EventJson;
import io.sessionflow.event.SessionEvent;
import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the events topic from its current end and prints one short line per event. {@link #close} reads on to the
 * end the topic has then, so every event committed before it is printed before the caller's closing line.
 */
public final class EventPrinter implements AutoCloseable {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private final KafkaConsumer<String, byte[]> consumer;
    private final PrintStream out;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong printed = new AtomicLong();
    private final Thread thread;
    private static final Duration DRAIN = Duration.ofSeconds(10);

    public EventPrinter(String bootstrap, String topic, PrintStream out) {
        Properties p = new Properties();
        p.putAll(io.sessionflow.kafka.KafkaClients.base(bootstrap));
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        this.out = out;
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        this.thread = new Thread(this::loop, "event-printer");
        thread.setDaemon(true);
        thread.start();
    }

    public long printed() {
        return printed.get();
    }

    private void loop() {
        try {
            while (running.get()) {
                print(consumer.poll(Duration.ofMillis(300)));
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            long deadline = System.nanoTime() + DRAIN.toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())
                    && System.nanoTime() < deadline) {
                print(consumer.poll(Duration.ofMillis(300)));
            }
        } finally {
            consumer.close();
        }
    }

    private void print(Iterable<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> r : records) {
            out.println(line(EventJson.parse(r.value())));
            printed.incrementAndGet();
        }
    }

    static String line(SessionEvent e) {
        String participant = e.data().participant() == null
                ? ""
                : " "
                        + (e.data().participant().name() != null
                                ? e.data().participant().name()
                                : e.data().participant().id());
        String title = e.data().title() == null ? "" : " \"" + e.data().title() + "\"";
        String marks = (e.data().inferred() ? " (inferred)" : "") + (e.data().recovered() ? " (recovered)" : "");
        return String.format("%s  %-9s %-36s %-30s%s%s%s", CLOCK.format(e.time()), e.data().system().id(),
                e.subject(), e.type().type().substring("sessionflow.".length()), title, participant, marks);
    }

    /** Prints what is committed up to now, then stops. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(DRAIN.toMillis() + 5_000);
    }
}
