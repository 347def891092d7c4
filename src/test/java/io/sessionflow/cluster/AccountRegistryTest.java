package io.sessionflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.config.Settings;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.kafka.KafkaClients;
import io.sessionflow.testing.SharedKafka;
import io.sessionflow.testing.Wait;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A shard's new owner waits in {@code catchUp} while it holds the shard manager's lock, and the registry's listener
 * (the shard manager's {@code accountsChanged}) needs that lock: the follower must go on reading meanwhile. ClusterTest
 * met this as an instance whose accounts were started 30 s late, when an account was added while it took shards.
 */
class AccountRegistryTest {
    private final String bootstrap = SharedKafka.bootstrapServers();
    private final Settings settings = Settings.from(Map.of(), new Properties(), Map.of(
            "sessionflow.kafka.bootstrap-servers", bootstrap,
            "sessionflow.cluster", "r" + UUID.randomUUID().toString().substring(0, 8)));
    private final AccountsCommand command = new AccountsCommand(settings, new PrintStream(OutputStream.nullOutputStream()));

    @Test
    void aListenerWaitingOnTheCatchingUpThreadDoesNotStopTheReading() {
        add("first");
        Object shardManagerLock = new Object();
        List<Set<SourceAccount>> heard = new CopyOnWriteArrayList<>();
        try (AccountRegistry registry = new AccountRegistry(settings, KafkaClients.base(bootstrap),
                ClusterSettings.from(settings).accountsTopic(), SecretReferences.ofThisProcess())) {
            registry.start();
            registry.onChange(() -> {
                synchronized (shardManagerLock) {
                    heard.add(Set.copyOf(registry.accounts()));
                }
            });
            SourceAccount second = SourceAccount.parse("webinar/second");
            synchronized (shardManagerLock) {
                add("second");
                registry.catchUp(Duration.ofSeconds(10));
                assertThat(registry.accounts()).as("accounts known after the catch-up").contains(second);
            }
            Wait.await("the listener hears of the added account once the lock is free")
                    .until(() -> heard.stream().anyMatch(accounts -> accounts.contains(second)));
        }
    }

    private void add(String account) {
        assertThat(command.run("add", "webinar", account, "base-url=http://127.0.0.1:9", "token=${env:NO_SUCH_TOKEN}"))
                .isZero();
    }
}
