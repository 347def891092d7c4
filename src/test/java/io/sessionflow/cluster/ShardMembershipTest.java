package io.sessionflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.kafka.KafkaClients;
import io.sessionflow.testing.SharedKafka;
import io.sessionflow.testing.Wait;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A takeover that fails (the accounts topic could not be read in time, say) must not leave the instance running
 * without a membership: it drops what it had, leaves, and joins again. Real group on the shared broker.
 */
class ShardMembershipTest {
    private final Properties client = KafkaClients.base(SharedKafka.bootstrapServers());
    private final ClusterSettings cluster = new ClusterSettings("m" + UUID.randomUUID().toString().substring(0, 8),
            "only", 4, Duration.ofSeconds(6), Duration.ofSeconds(5));

    @Test
    void aMemberWhoseTakeoverFailedRejoinsAndTakesTheShards() {
        ClusterTopics.ensure(client, cluster, (short) 1);
        FailingOnce owner = new FailingOnce();
        try (ShardMembership membership = new ShardMembership(cluster, client, owner)) {
            membership.start();
            Wait.await("every shard taken after the failed first takeover").atMost(Duration.ofSeconds(60))
                    .until(() -> owner.owned().keySet().equals(Set.of(0, 1, 2, 3)));
            assertThat(owner.failures).as("takeovers that failed").isEqualTo(1);
        }
        assertThat(owner.owned()).as("shards still owned after the member left").isEmpty();
    }

    private static final class FailingOnce implements ShardOwner {
        private final Map<Integer, Set<String>> owned = new TreeMap<>();
        private int failures;

        @Override
        public synchronized void assigned(Collection<Integer> shards) {
            if (failures == 0 && !shards.isEmpty()) {
                failures++;
                throw new IllegalStateException("the accounts topic was not read within 30 s");
            }
            shards.forEach(n -> owned.put(n, Set.of()));
        }

        @Override
        public synchronized void revoked(Collection<Integer> shards) {
            shards.forEach(owned::remove);
        }

        @Override
        public synchronized void lost(Collection<Integer> shards) {
            shards.forEach(owned::remove);
        }

        @Override
        public synchronized void leave() {
            owned.clear();
        }

        @Override
        public synchronized Map<Integer, Set<String>> owned() {
            return new TreeMap<>(owned);
        }
    }
}
