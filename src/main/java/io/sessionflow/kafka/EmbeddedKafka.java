package io.sessionflow.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node KRaft broker (broker and controller in one) inside this JVM, from the Maven Central
 * {@code kafka_2.13} artifact: the default when no cluster is configured, and the broker of the tests.
 * Its data directory is kept between runs, so history can be replayed. Secured, it authenticates clients with
 * SASL/SCRAM and enforces ACLs ({@link KraftNode#secured}); its administrator's password lives for one start.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private final Path dataDir;
    private final int brokerPort;
    private final boolean secured;
    private final int internalPort = freePort();
    private final String adminPassword = randomPassword();
    private KafkaRaftServer server;

    public EmbeddedKafka(Path dataDir, int brokerPort) {
        this(dataDir, brokerPort, false);
    }

    public EmbeddedKafka(Path dataDir, int brokerPort, boolean secured) {
        this.dataDir = dataDir.toAbsolutePath();
        this.brokerPort = brokerPort == 0 ? freePort() : brokerPort;
        this.secured = secured;
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
        int controllerPort = freePort();
        Properties props = KraftNode.properties(dataDir, brokerPort, controllerPort);
        if (secured) {
            props = KraftNode.secured(props, brokerPort, internalPort, controllerPort, adminPassword);
        }
        KraftNode.formatIfNew(props, dataDir);
        server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        return this;
    }

    /** Client settings with every right: the super user of a secured broker, anyone on a plaintext one. */
    public Properties adminProperties() {
        return secured ? KraftNode.adminClient(internalPort, adminPassword) : KafkaClients.base(bootstrapServers());
    }

    /** Creates the SCRAM user, or gives it this password when it exists. */
    public void scramUser(String user, String password, ScramMechanism mechanism) {
        try (Admin admin = Admin.create(adminProperties())) {
            AdminCalls.get(admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(mechanism, 4096), password))).all(), bootstrapServers(),
                    "Alter", "the cluster (SCRAM credentials of " + user + ")");
        }
    }

    public void grant(List<AclBinding> acls) {
        try (Admin admin = Admin.create(adminProperties())) {
            AdminCalls.get(admin.createAcls(acls).all(), bootstrapServers(), "Alter", "the cluster (ACLs)");
        }
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

    /** Whether something accepts connections on this loopback port: a broker started in another process is up. */
    public static boolean listening(int port) {
        try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
