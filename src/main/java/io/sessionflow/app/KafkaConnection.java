package io.sessionflow.app;

import io.sessionflow.config.Settings;
import io.sessionflow.kafka.EmbeddedKafka;
import io.sessionflow.kafka.KafkaReachability;
import io.sessionflow.kafka.KafkaUnreachableException;
import io.sessionflow.kafka.TopicSetup;
import io.sessionflow.kafka.Topics;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The configured cluster, or the embedded broker when none is configured; topics ensured either way. */
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

    /** For the pipeline: the cluster (or the embedded broker), with the pipeline's topics created when missing. */
    public static KafkaConnection open(Settings settings) {
        KafkaConnection kafka = forReading(settings);
        try {
            TopicSetup.ensure(kafka.bootstrapServers, kafka.topics, settings.integer("sessionflow.kafka.partitions"),
                    (short) settings.integer("sessionflow.kafka.replication-factor"));
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        return kafka;
    }

    /**
     * For the commands that read what is there: nothing is created. An external cluster must answer within
     * SESSIONFLOW_KAFKA_CONNECT_TIMEOUT, else {@link KafkaUnreachableException} and nothing starts.
     */
    public static KafkaConnection forReading(Settings settings) {
        Topics topics = topicsOf(settings);
        String bootstrap = settings.string("sessionflow.kafka.bootstrap-servers");
        if (!bootstrap.isEmpty()) {
            KafkaReachability.check(clientProperties(bootstrap),
                    settings.duration("sessionflow.kafka.connect-timeout"));
            return new KafkaConnection(bootstrap, null, topics);
        }
        EmbeddedKafka embedded = new EmbeddedKafka(Path.of(settings.string("sessionflow.kafka.embedded.data-dir")),
                portOrFree(settings.integer("sessionflow.kafka.embedded.port"))).start();
        LOG.info("embedded Kafka broker listening on {} (data in {})", embedded.bootstrapServers(), embedded.dataDir());
        return new KafkaConnection(embedded.bootstrapServers(), embedded, topics);
    }

    /** What every Kafka client of a command is configured with: where the cluster is. */
    public static Properties clientProperties(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return p;
    }

    /** The embedded broker's data folder, or null for an external cluster. */
    public Path embeddedDataDir() {
        return embedded == null ? null : embedded.dataDir();
    }

    public static Topics topicsOf(Settings s) {
        return new Topics(s.string("sessionflow.topics.events"), s.string("sessionflow.topics.raw"),
                s.string("sessionflow.topics.dlq"), s.string("sessionflow.topics.state"));
    }

    public String bootstrapServers() {
        return bootstrapServers;
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
