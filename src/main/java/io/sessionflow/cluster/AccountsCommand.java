package io.sessionflow.cluster;

import io.sessionflow.app.KafkaConnection;
import io.sessionflow.config.Settings;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.kafka.TopicWriter;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code accounts add <system> <account> KEY=VALUE...}, {@code accounts remove <system> <account>},
 * {@code accounts list}: the cluster's accounts beyond each system's {@code default}, kept in the compacted accounts
 * topic that every instance follows. Nothing is written unless the whole request is valid.
 */
public final class AccountsCommand {
    private final Settings settings;
    private final PrintStream out;

    public AccountsCommand(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** @return the exit code: 0 done, 2 a usage or configuration mistake (said in one line each) */
    public int run(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("accounts needs add, remove or list");
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        return switch (args[0]) {
            case "add" -> add(rest);
            case "remove" -> remove(rest);
            case "list" -> list(rest);
            default -> throw new IllegalArgumentException("accounts " + args[0] + ": use add, remove or list");
        };
    }

    private int add(List<String> args) {
        if (args.size() < 3) {
            throw new IllegalArgumentException("usage: accounts add <system> <account> KEY=VALUE...");
        }
        AccountRecord record = AccountRequest.check(args.get(0), args.get(1), args.subList(2, args.size()), settings);
        ClusterSettings cluster = ClusterSettings.from(settings);
        try (KafkaConnection kafka = KafkaConnection.open(settings)) {
            int shards = ClusterTopics.ensure(kafka.client(), cluster,
                    (short) settings.integer("sessionflow.kafka.replication-factor"));
            write(kafka, cluster, record.key(), record.value());
            out.println("added " + record.key() + " (shard " + ShardOf.of(record.source(), shards) + " of cluster '"
                    + cluster.name() + "'): the instance owning that shard polls it within one poll interval");
        }
        return 0;
    }

    private int remove(List<String> args) {
        if (args.size() != 2) {
            throw new IllegalArgumentException("usage: accounts remove <system> <account>");
        }
        SourceAccount account = AccountRequest.accountOf(AccountRequest.moduleOf(args.get(0)), args.get(1));
        ClusterSettings cluster = ClusterSettings.from(settings);
        try (KafkaConnection kafka = KafkaConnection.open(settings)) {
            if (!AccountsTopic.read(kafka.client(), cluster.accountsTopic()).containsKey(account)) {
                throw new IllegalArgumentException(account + " is not an account of cluster '" + cluster.name()
                        + "' (see accounts list)");
            }
            write(kafka, cluster, account.toString(), null);
            out.println("removed " + account + ": the instance running it stops it and commits nothing of it after "
                    + "its removal mark in " + kafka.topics().state());
        }
        return 0;
    }

    private int list(List<String> args) {
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("usage: accounts list");
        }
        ClusterSettings cluster = ClusterSettings.from(settings);
        try (KafkaConnection kafka = KafkaConnection.open(settings)) {
            Map<SourceAccount, AccountRecord> stored = AccountsTopic.read(kafka.client(), cluster.accountsTopic());
            out.println("cluster '" + cluster.name() + "': " + stored.size() + " accounts in " + cluster.accountsTopic()
                    + " (each system's account 'default' comes from the instances' environment)");
            // secrets are stored as references only, so the settings can be shown as they are
            stored.forEach((account, record) -> out.println(account + "  " + record.settings()));
        }
        return 0;
    }

    private static void write(KafkaConnection kafka, ClusterSettings cluster, String key, byte[] value) {
        try (TopicWriter writer = new TopicWriter(kafka.bootstrapServers(), cluster.accountsTopic())) {
            writer.send(new ProducerRecord<>(cluster.accountsTopic(), key, value));
        }
    }
}
