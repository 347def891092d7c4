package io.sessionflow.cluster;

import io.sessionflow.config.AccountSettings;
import io.sessionflow.config.SettingDef;
import io.sessionflow.config.SettingType;
import io.sessionflow.config.Settings;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.kafka.TopicToEnd;
import io.sessionflow.source.SourceModule;
import io.sessionflow.source.SourceModules;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every account of the cluster, as Kafka Connect keeps connector configs: account {@code default} of each system from
 * this instance's environment, every other from the compacted accounts topic, which every instance reads to its end
 * at start and then follows. Listeners hear of each change; {@link #catchUp} is the barrier a shard's new owner
 * passes before it starts the shard's accounts, so it never starts one whose removal was already committed.
 */
public final class AccountRegistry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AccountRegistry.class);
    private final Settings pipeline;
    private final Properties client;
    private final String topic;
    private final SecretReferences secrets;
    private final Map<SourceAccount, AccountSettings> fromEnvironment = new LinkedHashMap<>();
    private final Map<SourceAccount, AccountRecord> stored = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final TopicPartition partition;
    private volatile long position;
    private volatile boolean running;
    private KafkaConsumer<String, byte[]> consumer;
    private Thread follower;

    public AccountRegistry(Settings pipeline, Properties client, String topic, SecretReferences secrets) {
        this.pipeline = pipeline;
        this.client = client;
        this.topic = topic;
        this.secrets = secrets;
        this.partition = new TopicPartition(topic, 0);
        for (SourceModule module : SourceModules.all()) {
            if (pipeline.isSet(module.settingsPrefix() + module.enabledBy())) {
                SourceAccount account = SourceAccount.defaultOf(module.system());
                fromEnvironment.put(account, AccountSettings.ofDefault(account, module.settings(),
                        module.settingsPrefix(), pipeline));
            }
        }
    }

    /** Account {@code default} of each system the environment enables, with its settings. */
    public Map<SourceAccount, AccountSettings> fromEnvironment() {
        return fromEnvironment;
    }

    /** Reads the accounts topic to its end, then follows it on a thread of its own. */
    public void start() {
        consumer = TopicToEnd.consumer(client);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        long end = consumer.endOffsets(List.of(partition)).get(partition);
        while (consumer.position(partition) < end) {
            apply(consumer.poll(Duration.ofMillis(200)));
        }
        position = consumer.position(partition);
        running = true;
        follower = new Thread(this::follow, "sessionflow-accounts");
        follower.setDaemon(true);
        follower.start();
        LOG.info("{} accounts from the environment, {} from {}", fromEnvironment.size(), stored.size(), topic);
    }

    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** Every account known now. */
    public Set<SourceAccount> accounts() {
        Set<SourceAccount> all = new java.util.LinkedHashSet<>(fromEnvironment.keySet());
        all.addAll(stored.keySet());
        return all;
    }

    /** What the account is configured with: changes when its record changes, so its task restarts. */
    Object version(SourceAccount account) {
        return account.isDefault() ? fromEnvironment.get(account) : stored.get(account);
    }

    /**
     * The account's settings with its secret references resolved on this instance.
     *
     * @throws IllegalArgumentException naming the account and the setting when it cannot run here
     */
    public AccountSettings settings(SourceAccount account) {
        if (account.isDefault()) {
            return Optional.ofNullable(fromEnvironment.get(account))
                    .orElseThrow(() -> new IllegalArgumentException(account + " is not configured"));
        }
        AccountRecord record = stored.get(account);
        SourceModule module = SourceModules.of(account.system())
                .orElseThrow(() -> new IllegalArgumentException(account + ": no source module for that system"));
        if (record == null) {
            throw new IllegalArgumentException(account + " is not configured");
        }
        Map<String, String> values = new HashMap<>(record.settings());
        for (SettingDef def : module.settings()) {
            String v = values.get(def.key());
            if (def.type() == SettingType.SECRET && v != null && !v.isEmpty()) {
                try {
                    values.put(def.key(), secrets.resolve(v));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(account + " " + def.key() + ": " + e.getMessage());
                }
            }
        }
        return AccountSettings.of(account, module.settings(), values, pipeline);
    }

    /** Waits until everything committed to the accounts topic so far has been read. */
    public void catchUp(Duration timeout) {
        long end;
        try (Admin admin = Admin.create(client)) {
            end = admin.listOffsets(Map.of(partition, OffsetSpec.latest()),
                            new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).partitionResult(partition)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot find the end of the accounts topic " + topic + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the accounts topic", e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (position < end) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the accounts topic " + topic + " was not read up to offset " + end
                        + " within " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the accounts topic", e);
            }
        }
    }

    private void follow() {
        try {
            while (running) {
                var records = consumer.poll(Duration.ofMillis(200));
                boolean changed = apply(records);
                position = consumer.position(partition);
                if (changed) {
                    listeners.forEach(AccountRegistry::notifyQuietly);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("reading the accounts topic {} failed; account changes are not seen until restart: {}", topic,
                    e.toString());
        } finally {
            consumer.close(Duration.ofSeconds(1));
        }
    }

    private boolean apply(Iterable<ConsumerRecord<String, byte[]>> records) {
        boolean changed = false;
        for (ConsumerRecord<String, byte[]> r : records) {
            try {
                SourceAccount account = SourceAccount.parse(r.key());
                if (account.isDefault()) {
                    LOG.warn("ignoring {} in {}: account default is configured by the environment", r.key(), topic);
                } else if (r.value() == null) {
                    changed |= stored.remove(account) != null;
                } else {
                    AccountRecord record = AccountRecord.parse(r.value());
                    changed |= !record.equals(stored.put(account, record));
                }
            } catch (IllegalArgumentException e) {
                LOG.warn("ignoring an unreadable record of {} at offset {}: {}", topic, r.offset(), e.getMessage());
            }
        }
        return changed;
    }

    private static void notifyQuietly(Runnable listener) {
        try {
            listener.run();
        } catch (RuntimeException e) {
            LOG.error("applying an account change failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void close() {
        if (!running && follower == null && consumer == null) {
            return;
        }
        running = false;
        if (consumer != null && follower != null) {
            consumer.wakeup();
            try {
                follower.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (consumer != null) {
            consumer.close(Duration.ofSeconds(1));
        }
        consumer = null;
        follower = null;
    }
}
