package io.sessionflow.cluster;

import io.sessionflow.config.AccountSettings;
import io.sessionflow.config.SettingDef;
import io.sessionflow.config.SettingType;
import io.sessionflow.config.Settings;
import io.sessionflow.kafka.TopicFollower;
import io.sessionflow.event.SourceAccount;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
    private final TopicFollower follower;
    /**
     * Listeners run here, in order, never on the follower's thread: a listener may wait for a lock whose holder waits
     * in {@link #catchUp} for the follower (a shard's new owner), and the follower must go on reading meanwhile.
     */
    private final ExecutorService notifier = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sessionflow-accounts-changed");
        t.setDaemon(true);
        return t;
    });

    public AccountRegistry(Settings pipeline, Properties client, String topic, SecretReferences secrets) {
        this.pipeline = pipeline;
        this.client = client;
        this.topic = topic;
        this.secrets = secrets;
        this.follower = new TopicFollower(client, topic, (records, following) -> {
            if (apply(records) && following) {
                notifier.execute(() -> listeners.forEach(AccountRegistry::notifyQuietly));
            }
        });
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
        follower.start("sessionflow-accounts");
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
        follower.catchUp(timeout);
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
    public void close() {
        follower.close();
        notifier.shutdownNow();
    }
}
