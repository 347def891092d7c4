package io.sessionflow.kafka;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Where every producer, consumer and admin client of Sessionflow gets its base properties: the bootstrap servers
 * plus the client settings of that cluster (security, SASL, TLS), so every command talks to a secured cluster the
 * same way. A client site knows only the bootstrap address; the connection that opened the cluster registered its
 * settings under that address ({@link #use}). An address never registered gets no client properties: a plaintext
 * cluster, like the embedded broker of the demo and the tests.
 */
public final class KafkaClients {
    private static final int DEFAULT_MAX_BODY_BYTES = 16 << 20;
    private static final Map<String, KafkaClientConfig> CLUSTERS = new ConcurrentHashMap<>();

    private KafkaClients() {
    }

    /** From now on, clients of the cluster at {@code bootstrap} use these settings (the latest registration wins). */
    public static void use(String bootstrap, KafkaClientConfig config) {
        CLUSTERS.put(bootstrap, config);
    }

    public static KafkaClientConfig configOf(String bootstrap) {
        return CLUSTERS.getOrDefault(bootstrap, KafkaClientConfig.plaintext(DEFAULT_MAX_BODY_BYTES));
    }

    /** The cluster this process registered settings for, when it is one: whom a refusal without context came from. */
    static java.util.Optional<String> onlyCluster() {
        return CLUSTERS.size() == 1 ? CLUSTERS.keySet().stream().findFirst() : java.util.Optional.empty();
    }

    /** For admin clients and consumers. */
    public static Properties base(String bootstrap) {
        Properties p = new Properties();
        p.putAll(configOf(bootstrap).properties());
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return p;
    }

    /** For producers: the base, sized for the largest record Sessionflow sends (a vendor body up to its bound). */
    public static Properties producer(String bootstrap) {
        Properties p = base(bootstrap);
        int max = configOf(bootstrap).maxRecordBytes();
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(max));
        // a record larger than the buffer could never be sent
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(Math.max(32L << 20, max + (1L << 20))));
        return p;
    }
}
