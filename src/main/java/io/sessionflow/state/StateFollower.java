package io.sessionflow.state;

import io.sessionflow.event.SourceAccount;
import io.sessionflow.kafka.TopicFollower;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state topic as every instance keeps it while it runs, as Kafka Streams keeps standby replicas: the latest
 * committed record of each key. A shard assigned here restores its accounts from it once it has caught up with what
 * was written before the shard's producer fenced the previous owner: a takeover waits for the last few records, not
 * for a read of the whole topic. The cost is the state of the whole cluster in each instance's memory.
 */
public final class StateFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StateFollower.class);
    private final TopicFollower follower;
    /** The latest record of each key, with its account, read once when the record arrives. */
    private final Map<String, Kept> latest = new HashMap<>();

    private record Kept(ConsumerRecord<String, byte[]> record, SourceAccount account) {
    }

    public StateFollower(Properties client, String topic) {
        this.follower = new TopicFollower(client, topic, (records, following) -> keep(records));
    }

    public void start() {
        follower.start("sessionflow-state");
    }

    /** Each wanted account's memory, once everything written to the state topic so far has been read. */
    public StateRestore.Restored restore(Predicate<SourceAccount> wanted, Duration timeout) {
        follower.catchUp(timeout);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        synchronized (this) {
            latest.values().stream().filter(k -> wanted.test(k.account)).forEach(k -> records.add(k.record));
        }
        return StateRestore.of(records, wanted);
    }

    private synchronized void keep(Iterable<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> r : records) {
            SourceAccount account = r.value() == null ? null : accountOrNull(r);
            if (account == null) {
                latest.remove(r.key());
            } else {
                latest.put(r.key(), new Kept(r, account));
            }
        }
    }

    private static SourceAccount accountOrNull(ConsumerRecord<String, byte[]> r) {
        try {
            return StateRestore.accountOf(r);
        } catch (RuntimeException e) {
            LOG.warn("ignoring an unreadable record of {} at offset {}: {}", r.topic(), r.offset(), e.toString());
            return null;
        }
    }

    @Override
    public void close() {
        follower.close();
    }
}
