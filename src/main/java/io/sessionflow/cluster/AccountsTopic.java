package io.sessionflow.cluster;

import io.sessionflow.config.AccountSettings;
import io.sessionflow.config.Settings;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.source.SourceModule;
import io.sessionflow.source.SourceModules;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The accounts topic read once to its end, for the commands (accounts list, cluster, rederive). */
public final class AccountsTopic {
    private AccountsTopic() {
    }

    /** The stored accounts now, by {@code system/account}; an unreadable record is left out. */
    public static Map<SourceAccount, AccountRecord> read(Properties client, String topic) {
        Properties p = new Properties();
        p.putAll(client);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        Map<SourceAccount, AccountRecord> accounts = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            if (consumer.partitionsFor(topic, Duration.ofSeconds(30)).isEmpty()) {
                return accounts;
            }
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        SourceAccount account = SourceAccount.parse(r.key());
                        if (r.value() == null) {
                            accounts.remove(account);
                        } else {
                            accounts.put(account, AccountRecord.parse(r.value()));
                        }
                    } catch (IllegalArgumentException e) {
                        // not an account record: nothing a command could show or use
                    }
                }
            }
        }
        return accounts;
    }

    /**
     * An account's settings for offline work on what it already fetched (re-derivation): its stored values, secrets
     * left unresolved, since nothing is asked of the vendor.
     */
    public static Optional<AccountSettings> offline(SourceAccount account, Map<SourceAccount, AccountRecord> stored,
                                                    Settings pipeline) {
        Optional<SourceModule> module = SourceModules.of(account.system());
        if (module.isEmpty()) {
            return Optional.empty();
        }
        if (account.isDefault()) {
            return Optional.of(module.get().defaultAccount(pipeline).offline());
        }
        AccountRecord record = stored.get(account);
        if (record == null) {
            return Optional.empty();
        }
        return Optional.of(
                AccountSettings.of(account, module.get().settings(), record.settings(), pipeline).offline());
    }
}
