package io.sessionflow.delivery;

import static io.sessionflow.testing.Wait.await;

import io.sessionflow.kafka.EmbeddedKafka;
import io.sessionflow.kafka.KraftNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** A KRaft broker as its own process (kafka.Kafka), on fixed ports, so it can be stopped and started again. */
final class BrokerProcess implements AutoCloseable {
    private final Path dir;
    private final Path config;
    private final int port = EmbeddedKafka.freePort();
    private JavaProcess process;
    private int starts;

    BrokerProcess() {
        try {
            dir = Files.createTempDirectory("sessionflow-broker");
            Properties props = KraftNode.properties(dir.resolve("data"), port, EmbeddedKafka.freePort());
            KraftNode.formatIfNew(props, dir.resolve("data"));
            config = dir.resolve("server.properties");
            KraftNode.write(props, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String bootstrap() {
        return "127.0.0.1:" + port;
    }

    BrokerProcess start() {
        process = JavaProcess.start("broker-" + port + "-" + (++starts), "kafka.Kafka", List.of(config.toString()),
                Map.of());
        await("the broker listening").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("broker did not start: " + process.output());
                    }
                    return EmbeddedKafka.listening(port);
                });
        return this;
    }

    void stop() {
        process.terminate(60);
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.kill();
        }
    }
}
