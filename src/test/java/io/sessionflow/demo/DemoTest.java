package io.sessionflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.testing.SharedKafka;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The README's first command: the demo prints a live stream of events within seconds. */
class DemoTest {

    @Test
    void demoPrintsALiveStreamOfEventsFromTheSimulatedVendors() throws Exception {
        String prefix = "demo" + UUID.randomUUID().toString().substring(0, 8);
        System.setProperty("sessionflow.kafka.bootstrap-servers", SharedKafka.bootstrapServers());
        System.setProperty("sessionflow.topics.events", prefix + ".events");
        System.setProperty("sessionflow.topics.raw", prefix + ".raw");
        System.setProperty("sessionflow.topics.dlq", prefix + ".dlq");
        System.setProperty("sessionflow.topics.state", prefix + ".state");
        System.setProperty("sessionflow.topics.watermarks", prefix + ".watermarks");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Demo.run(java.time.Duration.ofSeconds(12), System.out);
        } finally {
            System.setOut(original);
            for (String k : new String[]{"kafka.bootstrap-servers", "topics.events", "topics.raw", "topics.dlq",
                "topics.state", "topics.watermarks"}) {
                System.clearProperty("sessionflow." + k);
            }
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        original.println(out);
        assertThat(out).contains("webinar.ru simulator: http://127.0.0.1:");
        assertThat(out.lines().filter(l -> l.contains(" webinar ")))
                .as("event lines").anyMatch(l -> l.contains("session.scheduled"))
                .anyMatch(l -> l.contains("session.started"));
        assertThat(out).containsPattern("demo finished: [1-9]\\d* events printed");
    }
}
