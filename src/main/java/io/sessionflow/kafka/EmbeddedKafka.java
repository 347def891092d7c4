package io.sessionflow.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node KRaft broker (broker and controller in one) inside this JVM, from the Maven Central
 * {@code kafka_2.13} artifact: the default when no cluster is configured, and the broker of the tests.
 * Its data directory is kept between runs, so history can be replayed.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private final Path dataDir;
    private final int brokerPort;
    private KafkaRaftServer server;

    public EmbeddedKafka(Path dataDir, int brokerPort) {
        this.dataDir = dataDir.toAbsolutePath();
        this.brokerPort = brokerPort == 0 ? freePort() : brokerPort;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    public synchronized EmbeddedKafka start() {
        if (server != null) {
            return this;
        }
        Properties props = KraftNode.properties(dataDir, brokerPort, freePort());
        KraftNode.formatIfNew(props, dataDir);
        server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        return this;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback", e);
        }
    }
}
