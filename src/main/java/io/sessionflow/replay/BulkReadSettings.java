package io.sessionflow.replay;

import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * Consumer settings for reading a topic back in bulk: replay uses them, and so does the benchmark's bare
 * consumer it is compared with, so the two differ only in what replay does per record.
 *
 * <p>Replay reads each partition with a consumer of its own (its output is ordered by partition, then offset),
 * so a fetch brings one partition's records where a consumer of all partitions gets several partitions' worth per
 * round trip. Larger fetches per partition and per poll make up for that: a broker round trip then brings
 * thousands of records instead of about 1,700 (the 1 MB default of a 600-byte event).
 */
public final class BulkReadSettings {
    static final int PARTITION_FETCH_BYTES = 8 << 20;
    static final int RECORDS_PER_POLL = 5000;

    private BulkReadSettings() {
    }

    /** read_committed, nothing committed, large fetches; the caller adds what is particular to it. */
    public static Properties of(String bootstrap) {
        Properties p = new Properties();
        p.putAll(io.sessionflow.kafka.KafkaClients.base(bootstrap));
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // reading never creates a topic, whatever the broker's auto.create.topics.enable says
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(PARTITION_FETCH_BYTES));
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(RECORDS_PER_POLL));
        return p;
    }
}
