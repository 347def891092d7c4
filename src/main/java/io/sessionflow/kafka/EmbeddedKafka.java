package io.sessionflow.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
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
        Properties props = brokerProperties(freePort());
        formatIfNew(props);
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

    private Properties brokerProperties(int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dataDir.toString());
        p.put("num.partitions", "3");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "3");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.cleaner.backoff.ms", "1000");
        return p;
    }

    private void formatIfNew(Properties props) {
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            Path config = Files.createTempFile("sessionflow-kraft", ".properties");
            try (var out = Files.newBufferedWriter(config)) {
                props.store(out, "sessionflow embedded broker");
            }
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            int rc = StorageTool.execute(new String[]{"format", "-t", Uuid.randomUuid().toString(),
                "-c", config.toString()}, new PrintStream(log, true, StandardCharsets.UTF_8));
            Files.deleteIfExists(config);
            if (rc != 0) {
                throw new IllegalStateException("formatting Kafka storage in " + dataDir + " failed: " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka storage in " + dataDir, e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback", e);
        }
    }
}
