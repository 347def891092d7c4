package io.sessionflow.cluster;

import io.sessionflow.app.KafkaConnection;
import io.sessionflow.config.Settings;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.kafka.TopicWriter;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import io.sessionflow.cli.CommandSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code accounts add <system> <account> KEY=VALUE...}, {@code accounts remove <system> <account>},
 * {@code accounts list}: the cluster's accounts beyond each system's {@code default}, kept in the compacted accounts
 * topic that every instance follows. Nothing is written unless the whole request is valid.
 */
@Command(name = "accounts", description = "The cluster's accounts beyond each system's account default: add, remove,"
        + " list. Secrets are given as references, ${env:NAME} or ${file:/path}, resolved on each instance.",
        subcommands = {AccountsCommand.Add.class, AccountsCommand.Remove.class, AccountsCommand.ListAccounts.class})
public final class AccountsCommand {
    private final Settings settings;
    private final PrintStream out;

    AccountsCommand() {
        this(null, System.out);
    }

    public AccountsCommand(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    @Command(name = "add", description = "Add (or change) an account; KEY is the system's setting name without its"
            + " sessionflow.<system>. prefix (base-url, token, poll-interval ...).")
    static final class Add implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "<system>") String system;
        @Parameters(index = "1", paramLabel = "<account>") String account;
        @Parameters(index = "2..*", arity = "1..*", paramLabel = "KEY=VALUE") List<String> settings;

        @Override
        public Integer call() {
            return new AccountsCommand(CommandSettings.load(), System.out).add(system, account, settings);
        }
    }

    @Command(name = "remove", description = "Remove an account: its owner stops it and commits nothing of it after its"
            + " removal mark.")
    static final class Remove implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "<system>") String system;
        @Parameters(index = "1", paramLabel = "<account>") String account;

        @Override
        public Integer call() {
            return new AccountsCommand(CommandSettings.load(), System.out).remove(system, account);
        }
    }

    @Command(name = "list", description = "The accounts stored for the cluster, with their settings (secrets as the"
            + " references they are).")
    static final class ListAccounts implements Callable<Integer> {
        @Override
        public Integer call() {
            return new AccountsCommand(CommandSettings.load(), System.out).list();
        }
    }

    /** For tests and tools: {@code add ...}, {@code remove ...} or {@code list}, as on the command line. */
    public int run(String... args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("accounts needs add, remove or list");
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        return switch (args[0]) {
            case "add" -> rest.size() < 3 ? usage("accounts add <system> <account> KEY=VALUE...")
                    : add(rest.get(0), rest.get(1), rest.subList(2, rest.size()));
            case "remove" -> rest.size() != 2 ? usage("accounts remove <system> <account>")
                    : remove(rest.get(0), rest.get(1));
            case "list" -> list();
            default -> usage("accounts add|remove|list");
        };
    }

    private static int usage(String usage) {
        throw new IllegalArgumentException("usage: " + usage);
    }

    int add(String system, String account, List<String> assignments) {
        AccountRecord record = AccountRequest.check(system, account, assignments, settings);
        ClusterSettings cluster = ClusterSettings.from(settings);
        try (KafkaConnection kafka = KafkaConnection.reading(settings)) {
            ClusterTopics.ensureAccounts(kafka.client(), cluster,
                    (short) settings.integer("sessionflow.kafka.replication-factor"));
            int shards = ClusterTopics.shardCount(kafka.client(), cluster);
            write(kafka, cluster, record.key(), record.value());
            out.println("added " + record.key() + " (shard " + ShardOf.of(record.source(), shards) + " of cluster '"
                    + cluster.name() + "'): the instance owning that shard polls it within one poll interval");
        }
        return 0;
    }

    int remove(String system, String accountId) {
        SourceAccount account = AccountRequest.accountOf(AccountRequest.moduleOf(system), accountId);
        ClusterSettings cluster = ClusterSettings.from(settings);
        try (KafkaConnection kafka = KafkaConnection.reading(settings)) {
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

    int list() {
        ClusterSettings cluster = ClusterSettings.from(settings);
        try (KafkaConnection kafka = KafkaConnection.reading(settings)) {
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
