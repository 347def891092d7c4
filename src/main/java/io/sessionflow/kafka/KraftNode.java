package io.sessionflow.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/** The configuration and storage of a single-node KRaft broker, in this JVM or as a process of its own. */
public final class KraftNode {
    private KraftNode() {
    }

    public static Properties properties(Path dataDir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dataDir.toAbsolutePath().toString());
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

    /**
     * The same node with authentication and ACLs: clients on the broker port with SASL/SCRAM (users are created with
     * the admin API), the standard authorizer, and user {@code admin} the only super user. Broker and controller talk
     * to each other as {@code admin} over SASL/PLAIN on listeners of their own, with a password made for this start
     * (SCRAM credentials live in the metadata log, which the controller must read before it could check them).
     */
    public static Properties secured(Properties plain, int brokerPort, int internalPort, int controllerPort,
                                     String adminPassword) {
        Properties p = new Properties();
        p.putAll(plain);
        String admin = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" password=\""
                + adminPassword + "\" user_admin=\"" + adminPassword + "\";";
        p.put("listeners", "SASL_PLAINTEXT://127.0.0.1:" + brokerPort + ",BROKER://127.0.0.1:" + internalPort
                + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put(
                "advertised.listeners",
                "SASL_PLAINTEXT://127.0.0.1:" + brokerPort + ",BROKER://127.0.0.1:" + internalPort);
        p.put("listener.security.protocol.map",
                "SASL_PLAINTEXT:SASL_PLAINTEXT,BROKER:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        p.put("inter.broker.listener.name", "BROKER");
        p.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        p.put("listener.name.sasl_plaintext.sasl.enabled.mechanisms", "SCRAM-SHA-256,SCRAM-SHA-512");
        p.put("listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        p.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        p.put("listener.name.broker.sasl.enabled.mechanisms", "PLAIN");
        p.put("listener.name.broker.plain.sasl.jaas.config", admin);
        p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        p.put("listener.name.controller.plain.sasl.jaas.config", admin);
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("super.users", "User:admin");
        return p;
    }

    /** Client settings of the super user, over the broker's own listener. */
    public static Properties adminClient(int internalPort, String adminPassword) {
        Properties p = new Properties();
        p.put("bootstrap.servers", "127.0.0.1:" + internalPort);
        p.put("security.protocol", "SASL_PLAINTEXT");
        p.put("sasl.mechanism", "PLAIN");
        p.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" "
                + "password=\"" + adminPassword + "\";");
        return p;
    }

    public static void formatIfNew(Properties props, Path dataDir) {
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            Path config = Files.createTempFile("sessionflow-kraft", ".properties");
            write(props, config);
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

    public static void write(Properties props, Path file) throws IOException {
        try (var out = Files.newBufferedWriter(file)) {
            props.store(out, "sessionflow single-node KRaft broker");
        }
    }
}
