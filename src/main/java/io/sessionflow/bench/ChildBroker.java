package io.sessionflow.bench;

import io.sessionflow.kafka.EmbeddedKafka;
import io.sessionflow.kafka.KraftNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The project's single-node KRaft broker ({@link KraftNode}) in a JVM of its own, on free ports, in a temp
 * directory: a broker that shares the machine's cores with the bench but not its heap, GC and threads, as a
 * broker of a real deployment would not. Needs nothing but this jar and a JDK. Stopped with the bench, and with
 * the bench's JVM should it exit first.
 */
final class ChildBroker implements AutoCloseable {
    private static final Duration START = Duration.ofSeconds(90);
    private final Path dir;
    private final int port = EmbeddedKafka.freePort();
    private final Process process;
    private final Thread killer;

    ChildBroker(Path dir) throws IOException {
        this.dir = dir;
        Properties props = KraftNode.properties(dir.resolve("data"), port, EmbeddedKafka.freePort());
        KraftNode.formatIfNew(props, dir.resolve("data"));
        Path config = dir.resolve("server.properties");
        KraftNode.write(props, config);
        // the heap kafka-server-start.sh gives a broker
        process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms1g", "-Xmx1g", "-cp", System.getProperty("java.class.path"), "kafka.Kafka", config.toString()))
                .redirectErrorStream(true).redirectOutput(log().toFile()).start();
        killer = new Thread(process::destroyForcibly, "child-broker-killer");
        Runtime.getRuntime().addShutdownHook(killer);
        awaitListening();
    }

    String bootstrap() {
        return "127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return dir.resolve("broker.log");
    }

    private void awaitListening() throws IOException {
        long deadline = System.nanoTime() + START.toNanos();
        while (!EmbeddedKafka.listening(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("the child broker did not start; its log:\n"
                        + Files.readString(log(), StandardCharsets.UTF_8));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while the child broker started", e);
            }
        }
    }

    /** SIGTERM, a controlled shutdown; SIGKILL when that takes longer than a minute. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or ran: nothing left to remove
        }
    }
}
