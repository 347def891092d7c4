package io.sessionflow.cluster;

import io.sessionflow.event.SourceAccount;
import io.sessionflow.event.SystemId;
import io.sessionflow.kafka.TopicToEnd;
import io.sessionflow.state.StateRecords;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * What {@code sessionflow cluster} shows, read from Kafka alone: the group's members and the shards each owns, and
 * per account its shard, its owner, its last committed poll (its cursor) and its last failure (both in the state
 * topic).
 */
public record ClusterView(String name, int shards, Map<String, List<Integer>> members,
                          Map<SourceAccount, AccountState> accounts) {

    /** One account as the state topic last saw it. */
    public record AccountState(int shard, String owner, Instant lastPoll, Instant lastFailure, String error,
                               Instant removed) {
    }

    public static ClusterView read(Properties client, ClusterSettings cluster, String stateTopic) throws Exception {
        Map<String, List<Integer>> members = new TreeMap<>();
        int shards;
        try (Admin admin = Admin.create(client)) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(cluster.groupId()))
                    .describedGroups().get(cluster.groupId()).get(30, TimeUnit.SECONDS);
            for (MemberDescription m : group.members()) {
                String name = m.groupInstanceId().orElse(m.consumerId()) + " (" + m.host() + ")";
                members.put(name, m.assignment().topicPartitions().stream().map(TopicPartition::partition).sorted()
                        .toList());
            }
            shards = admin.describeTopics(List.of(cluster.shardTopic())).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(cluster.shardTopic()).partitions().size();
        }
        Map<Integer, String> owners = new HashMap<>();
        members.forEach((member, owned) -> owned.forEach(n -> owners.put(n, member)));
        Map<SourceAccount, AccountState> accounts = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
        AccountsTopic.read(client, cluster.accountsTopic()).keySet()
                .forEach(a -> accounts.put(a, state(a, shards, owners, null, null, null, null)));
        readState(client, stateTopic, (key, value) -> {
            if (StateRecords.isCursor(key)) {
                StateRecords.Cursor c = StateRecords.cursor(value);
                AccountState was = accounts.get(c.source());
                accounts.put(c.source(), state(c.source(), shards, owners, c.lastPoll(),
                        was == null ? null : was.lastFailure(), was == null ? null : was.error(),
                        was == null ? null : was.removed()));
            } else if (StateRecords.isFailure(key)) {
                StateRecords.Failure f = StateRecords.failure(value);
                SourceAccount a = new SourceAccount(SystemId.of(f.system()), f.account());
                AccountState was = accounts.get(a);
                accounts.put(a, state(a, shards, owners, was == null ? null : was.lastPoll(), f.at(), f.error(),
                        was == null ? null : was.removed()));
            } else if (StateRecords.isRemoval(key)) {
                StateRecords.Removed r = StateRecords.removed(value);
                SourceAccount a = new SourceAccount(SystemId.of(r.system()), r.account());
                AccountState was = accounts.get(a);
                accounts.put(a, state(a, shards, owners, was == null ? null : was.lastPoll(),
                        was == null ? null : was.lastFailure(), was == null ? null : was.error(), r.at()));
            }
        });
        return new ClusterView(cluster.name(), shards, members, accounts);
    }

    private static AccountState state(SourceAccount a, int shards, Map<Integer, String> owners, Instant lastPoll,
                                      Instant lastFailure, String error, Instant removed) {
        int shard = ShardOf.of(a, shards);
        return new AccountState(shard, owners.getOrDefault(shard, "-"), lastPoll, lastFailure, error, removed);
    }

    private static void readState(Properties client, String topic,
                                  java.util.function.BiConsumer<String, byte[]> sink) {
        TopicToEnd.read(client, topic, Duration.ofSeconds(30), r -> {
            if (r.value() != null) {
                sink.accept(r.key(), r.value());
            }
        });
    }

    /** The view as a person reads it. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append("cluster '").append(name).append("': ").append(members.size()).append(" members, ").append(shards)
                .append(" shards\n\n");
        out.append(String.format("%-40s %s%n", "member", "shards"));
        members.forEach((m, owned) -> out.append(String.format("%-40s %s%n", m, owned)));
        out.append(String.format("%n%-32s %5s  %-40s %-26s %s%n", "account", "shard", "owner", "last committed poll",
                "last failure"));
        accounts.forEach((a, s) -> out.append(String.format("%-32s %5d  %-40s %-26s %s%n", a, s.shard(),
                s.removed() != null ? "(removed " + s.removed() + ")" : s.owner(),
                s.lastPoll() == null ? "-" : s.lastPoll().toString(),
                s.lastFailure() == null ? "-" : s.lastFailure() + " " + s.error())));
        return out.toString();
    }
}
