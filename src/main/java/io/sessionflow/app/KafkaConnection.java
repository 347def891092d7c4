package io.sessionflow.app;

import io.sessionflow.config.Settings;
import io.sessionflow.kafka.AccessCheck;
import io.sessionflow.kafka.AccessRoles;
import io.sessionflow.kafka.EmbeddedKafka;
import io.sessionflow.kafka.KafkaClientConfig;
import io.sessionflow.kafka.KafkaClients;
import io.sessionflow.kafka.TopicPlan;
import io.sessionflow.kafka.KafkaReachability;
import io.sessionflow.kafka.KafkaUnreachableException;
import io.sessionflow.kafka.TopicSetup;
import io.sessionflow.kafka.Topics;
import io.sessionflow.source.http.LogSafe;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.common.acl.AclBinding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured cluster, or the embedded broker when none is configured, with its client settings registered for
 * every client of this process ({@link KafkaClients}). The pipeline's connection also ensures its topics.
 */
public final class KafkaConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaConnection.class);
    private final String bootstrapServers;
    private final EmbeddedKafka embedded;
    private final Topics topics;

    private KafkaConnection(String bootstrapServers, EmbeddedKafka embedded, Topics topics) {
        this.bootstrapServers = bootstrapServers;
        this.embedded = embedded;
        this.topics = topics;
    }

    /** For the pipeline: its topics are created when missing, and reported when their settings differ. */
    public static KafkaConnection open(Settings settings) {
        KafkaConnection kafka = reading(settings);
        try {
            TopicSetup.ensure(kafka.bootstrapServers, TopicPlan.of(kafka.topics, settings));
            AccessCheck.require(kafka.bootstrapServers, AccessRoles.of(AccessRoles.Role.PIPELINE, "User:*",
                    AclsCommand.names(settings, null, null, null)), Set.of(
                    kafka.topics.events(), kafka.topics.raw(), kafka.topics.dlq(), kafka.topics.state(),
                    kafka.topics.watermarks()));
            return kafka;
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    /**
     * For the commands that read (verify, replay, report, rederive): nothing is created. An external cluster must
     * answer within SESSIONFLOW_KAFKA_CONNECT_TIMEOUT, else {@link KafkaUnreachableException} and nothing starts.
     */
    public static KafkaConnection reading(Settings settings) {
        KafkaClientConfig clients = clientConfig(settings);
        // blanked like the vendor secrets, should any text that is logged or reported ever carry one
        LogSafe.redact(clients.secretValues());
        Topics topics = topicsOf(settings);
        EmbeddedKafka embedded = null;
        String bootstrap = settings.string("sessionflow.kafka.bootstrap-servers");
        if (bootstrap.isEmpty()) {
            boolean secured = settings.bool("sessionflow.kafka.embedded.sasl");
            KafkaClientConfig.ScramLogin login = secured ? securedLogin(clients) : null;
            embedded = new EmbeddedKafka(Path.of(settings.string("sessionflow.kafka.embedded.data-dir")),
                    portOrFree(settings.integer("sessionflow.kafka.embedded.port")), secured).start();
            bootstrap = embedded.bootstrapServers();
            LOG.info("embedded Kafka broker listening on {} (data in {}){}", bootstrap, embedded.dataDir(),
                    secured ? ", SASL/SCRAM and ACLs on" : "");
            if (secured) {
                grantEmbedded(embedded, login, settings);
            }
        }
        KafkaClients.use(bootstrap, clients);
        if (embedded == null) {
            KafkaReachability.check(
                    KafkaClients.base(bootstrap), settings.duration("sessionflow.kafka.connect-timeout"));
        }
        return new KafkaConnection(bootstrap, embedded, topics);
    }

    /** The embedded broker's data folder, or null for an external cluster. */
    public Path embeddedDataDir() {
        return embedded == null ? null : embedded.dataDir();
    }

    private static KafkaClientConfig.ScramLogin securedLogin(KafkaClientConfig clients) {
        return clients.scramLogin().orElseThrow(() -> new ConfigurationException(List.of(
                "SESSIONFLOW_KAFKA_EMBEDDED_SASL=true needs SESSIONFLOW_KAFKA_CONFIG with security.protocol="
                        + "SASL_PLAINTEXT, sasl.mechanism SCRAM-SHA-256 or SCRAM-SHA-512 and its user's username and "
                        + "password in sasl.jaas.config")));
    }

    /** The configured user, with the pipeline's ACLs and an analyst's (the demo prints events, verify reads them). */
    private static void grantEmbedded(EmbeddedKafka embedded, KafkaClientConfig.ScramLogin login, Settings settings) {
        embedded.scramUser(login.user(), login.password(), ScramMechanism.fromMechanismName(login.mechanism()));
        AccessRoles.Names names = AclsCommand.names(settings, null, null, null);
        String principal = "User:" + login.user();
        List<AclBinding> acls = new java.util.ArrayList<>(AccessRoles.of(AccessRoles.Role.PIPELINE, principal, names));
        acls.addAll(AccessRoles.of(AccessRoles.Role.ANALYST, principal, names));
        embedded.grant(acls);
    }

    private static KafkaClientConfig clientConfig(Settings settings) {
        try {
            return KafkaClientConfig.of(settings);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(List.of(e.getMessage().split(System.lineSeparator())));
        }
    }

    public static Topics topicsOf(Settings s) {
        return new Topics(s.string("sessionflow.topics.events"), s.string("sessionflow.topics.raw"),
                s.string("sessionflow.topics.dlq"), s.string("sessionflow.topics.state"),
                s.string("sessionflow.topics.watermarks"));
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The settings every Kafka client of the pipeline starts from: the brokers and the cluster's client settings. */
    public Properties client() {
        return KafkaClients.base(bootstrapServers);
    }

    /** For producers: {@link #client()} sized for the largest record Sessionflow sends. */
    public Properties producerClient() {
        return KafkaClients.producer(bootstrapServers);
    }

    /** What Camel's own Kafka endpoints (routes/examples) need: the brokers and this cluster's client settings. */
    public Properties camelProperties() {
        Properties p = new Properties();
        p.setProperty("sessionflow.kafka.brokers", bootstrapServers);
        KafkaClients.configOf(bootstrapServers).properties().forEach((key, value) ->
                p.setProperty("camel.component.kafka.additional-properties[" + key + "]", value));
        return p;
    }

    public Topics topics() {
        return topics;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }

    /** A newcomer with something on the wanted port still gets a working demo: take a free port and say so. */
    public static int portOrFree(int wanted) {
        if (wanted == 0) {
            return 0;
        }
        try (ServerSocket probe = new ServerSocket(wanted, 1, java.net.InetAddress.getLoopbackAddress())) {
            return wanted;
        } catch (IOException busy) {
            LOG.warn("port {} is in use; a free port is taken instead", wanted);
            return 0;
        }
    }
}
