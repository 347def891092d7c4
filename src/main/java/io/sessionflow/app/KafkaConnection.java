package io.sessionflow.app;

import io.sessionflow.config.Settings;
import io.sessionflow.kafka.EmbeddedKafka;
import io.sessionflow.kafka.TopicSetup;
import io.sessionflow.kafka.Topics;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
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

    public static KafkaConnection open(Settings settings) {
        Topics topics = topicsOf(settings);
        EmbeddedKafka embedded = null;
        String bootstrap = settings.string("sessionflow.kafka.bootstrap-servers");
        if (bootstrap.isEmpty()) {
            embedded = new EmbeddedKafka(Path.of(settings.string("sessionflow.kafka.embedded.data-dir")),
                    portOrFree(settings.integer("sessionflow.kafka.embedded.port"))).start();
            bootstrap = embedded.bootstrapServers();
            LOG.info("embedded Kafka broker listening on {} (data in {})", bootstrap, embedded.dataDir());
        }
        TopicSetup.ensure(bootstrap, topics, settings.integer("sessionflow.kafka.partitions"),
                (short) settings.integer("sessionflow.kafka.replication-factor"));
        return new KafkaConnection(bootstrap, embedded, topics);
    }

    public static Topics topicsOf(Settings s) {
        return new Topics(s.string("sessionflow.topics.events"), s.string("sessionflow.topics.raw"),
                s.string("sessionflow.topics.dlq"), s.string("sessionflow.topics.state"));
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The settings every Kafka client of the pipeline starts from. */
    public java.util.Properties client() {
        java.util.Properties p = new java.util.Properties();
        p.put(org.apache.kafka.clients.CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
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
