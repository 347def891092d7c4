package io.sessionflow.cluster;

import io.sessionflow.config.AccountSettings;
import io.sessionflow.config.Settings;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.kafka.TopicToEnd;
import io.sessionflow.source.SourceModule;
import io.sessionflow.source.SourceModules;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/** The accounts topic read once to its end, for the commands (accounts list, cluster, rederive). */
public final class AccountsTopic {
    private AccountsTopic() {
    }

    /** The stored accounts now, by {@code system/account}; an unreadable record is left out. */
    public static Map<SourceAccount, AccountRecord> read(Properties client, String topic) {
        Map<SourceAccount, AccountRecord> accounts = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
        TopicToEnd.read(client, topic, Duration.ofSeconds(30), r -> {
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
        });
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
