package io.sessionflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.cluster.AccountsCommand;
import io.sessionflow.cluster.ClusterSettings;
import io.sessionflow.cluster.ClusterView;
import io.sessionflow.cluster.ShardOf;
import io.sessionflow.config.Settings;
import io.sessionflow.demo.SimulatedHttpServer;
import io.sessionflow.event.EventJson;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.kafka.KafkaClients;
import io.sessionflow.testing.SharedKafka;
import io.sessionflow.testing.TopicReader;
import io.sessionflow.testing.Wait;
import io.sessionflow.verify.ExpectedTransition;
import io.sessionflow.verify.StreamChecks;
import io.sessionflow.verify.VerifyReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, done when: the broker (the shared one, in this JVM) and three or four pipeline instances, each a process
 * of its own, share 40 accounts of webinar.ru, Seeit and Tradernet simulators on loopback whose worlds keep changing.
 * The simulators see which instance asked (its User-Agent). Instances are killed, stopped, frozen past the session
 * timeout and added; accounts are added and removed while everything runs. At the end every expected transition of
 * every account is on the events topic exactly once, in order, and nothing of a removed account after its removal.
 */
class ClusterTest {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private final String cluster = "k" + UUID.randomUUID().toString().substring(0, 8);
    private final String bootstrap = SharedKafka.bootstrapServers();
    private final Map<String, JavaProcess> instances = new LinkedHashMap<>();
    private final List<ChangingAccount> accounts = new ArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final Path secrets;

    ClusterTest() throws Exception {
        secrets = Files.createTempDirectory("cluster-secrets");
    }

    @AfterEach
    void stop() {
        ticker.shutdownNow();
        if (eventsReader != null) {
            eventsReader.close();
        }
        instances.values().forEach(p -> {
            if (p.isAlive()) {
                p.resume();
                p.kill();
            }
        });
        accounts.forEach(a -> a.close());
    }

    @Test
    void instancesShareTheAccountsTakeOverFenceAZombieAndLoseNothing() throws Exception {
        for (int i = 1; i <= 10; i++) {
            add(ChangingAccount.webinar("w" + i, secrets));
            add(ChangingAccount.seeit("s" + i, secrets));
            add(ChangingAccount.tradernet("t" + i, secrets));
        }
        ticker.scheduleAtFixedRate(() -> accounts.forEach(a -> a.tick(Instant.now())), 0, 400, TimeUnit.MILLISECONDS);
        startInstances("i1", "i2", "i3");
        Instant started = Instant.now();
        awaitTrue(() -> accounts.stream().allMatch(a -> !agentsSince(a, started).isEmpty()),
                "every account polled by some instance");

        // balanced: a fair share of the shards each, and each account asked by one instance only
        ClusterView view = awaitSettled(Set.of("i1", "i2", "i3"));
        view.members().values().forEach(shards -> assertThat(shards.size()).as("shards of a member of 3, of %d",
                view.shards()).isBetween(view.shards() / 3 - 1, view.shards() / 3 + 1));
        Map<SourceAccount, String> owners = ownersDuring(Duration.ofSeconds(4));
        owners.forEach((account, owner) -> assertThat(owner).as("the owner of %s's shard", account)
                .isEqualTo(ownerOf(view, account)));

        // kill -9: another instance polls each of its accounts within 15 s
        Map<SourceAccount, Double> afterKill = takeover("i2", owners, () -> instances.get("i2").kill());
        System.out.printf("takeover after kill -9 of i2 (%d accounts): max %.1f s%n", afterKill.size(), max(afterKill));
        assertThat(afterKill.values()).as("seconds until another instance polled each account of i2")
                .allMatch(s -> s <= 15.0);

        // runtime changes: a fourth instance, 10 accounts added, 5 removed
        startInstances("i4");
        awaitSettled(Set.of("i1", "i3", "i4"));
        // added to a cluster at rest: a window in which every account is polled by exactly one instance, so the
        // group's moves (two rebalances with the cooperative assignor) are over; an add into a shard still being taken
        // over waits for that takeover, which the kill -9 above measures
        assertThat(ownersDuring(Duration.ofSeconds(3)).values()).as("instances polling after the fourth joined")
                .contains("i4");
        List<ChangingAccount> newcomers = new ArrayList<>();
        for (int i = 11; i <= 14; i++) {
            newcomers.add(ChangingAccount.webinar("w" + i, secrets));
        }
        for (int i = 11; i <= 13; i++) {
            newcomers.add(ChangingAccount.seeit("s" + i, secrets));
            newcomers.add(ChangingAccount.tradernet("t" + i, secrets));
        }
        Map<ChangingAccount, Instant> addedAt = new java.util.LinkedHashMap<>();
        newcomers.forEach(a -> {
            add(a);
            addedAt.put(a, Instant.now());
        });
        awaitTrue(() -> addedAt.entrySet().stream().allMatch(e -> !agentsSince(e.getKey(), e.getValue()).isEmpty()),
                "added accounts polled");
        Map<SourceAccount, Double> untilPolled = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
        addedAt.forEach((a, at) -> untilPolled.put(a.account, Duration.between(at, a.requests().stream()
                .map(SimulatedHttpServer.Seen::at).filter(t -> t.isAfter(at)).min(Instant::compareTo).orElseThrow())
                .toMillis() / 1000.0));
        System.out.printf("10 accounts added: each polled within %.1f s of its add%n", max(untilPolled));
        assertThat(untilPolled.values()).as("seconds from an add to the account's first poll, polls every second")
                .allMatch(s -> s <= 5.0);
        Map<SourceAccount, Instant> removedAt = remove(List.of(accounts.get(0), accounts.get(4), accounts.get(8),
                accounts.get(13), accounts.get(29)));
        awaitSettled(Set.of("i1", "i3", "i4"));

        // SIGTERM: another instance polls each of its accounts within 5 s
        Map<SourceAccount, Double> afterTerm = takeover("i3", ownersDuring(Duration.ofSeconds(3)),
                () -> instances.get("i3").terminate(60));
        System.out.printf("takeover after SIGTERM of i3 (%d accounts): max %.1f s%n", afterTerm.size(), max(afterTerm));
        assertThat(afterTerm.values()).as("seconds until another instance polled each account of i3")
                .allMatch(s -> s <= 5.0);
        assertThat(instances.get("i3").output()).contains("stopped cleanly");

        // a zombie: frozen with a transaction open past the session timeout, replaced, fenced, rejoins
        Map<SourceAccount, String> beforeFreeze = ownersDuring(Duration.ofSeconds(3));
        List<Uncommitted> zombieRecords = freezeMidTransaction("i1", beforeFreeze, view.shards());
        Instant frozenAt = Instant.now();
        List<ChangingAccount> zombieAccounts = accounts.stream()
                .filter(a -> "i1".equals(beforeFreeze.get(a.account))).toList();
        awaitTrue(() -> zombieAccounts.stream().allMatch(a -> agentsSince(a, frozenAt).stream()
                .anyMatch(agent -> !agent.equals("i1"))), "the frozen instance's accounts polled by others");
        instances.get("i1").resume();
        awaitTrue(() -> instances.get("i1").output().contains("fenced"), "the zombie logs that it was fenced");
        awaitSettled(Set.of("i1", "i4"));

        // the end: the worlds stop changing; every transition is published exactly once, in order
        accounts.forEach(ChangingAccount::freeze);
        List<ExpectedTransition> expected = new ArrayList<>();
        accounts.stream().filter(a -> !removedAt.containsKey(a.account)).forEach(a -> expected.addAll(a.expected()));
        expected.addAll(expectedOfRemoved);
        VerifyReport report = awaitComplete(expected, false);
        System.out.print(report.text());
        if (!report.ok()) {
            Set<String> keys = new HashSet<>();
            report.unexpected().forEach(t -> keys.add(t.key()));
            report.missing().forEach(t -> keys.add(t.key()));
            for (String t : List.of("events", "state")) {
                RawRecords.recordsOfKeys(bootstrap, topic(t), keys).forEach(System.out::println);
            }
        }
        assertThat(report.ok()).as(report.text()).isTrue();
        assertThat(report.expected()).as("the worlds changed enough to mean something").isGreaterThan(200);

        List<SessionEvent> events = events();
        removedAt.forEach((account, at) -> assertThat(eventsOf(account, at)).as("events of %s published after its "
                + "removal mark at %s", account, at).isEmpty());
        assertThat(zombieRecords).as("records the frozen instance had written in its open transaction").isNotEmpty();
        assertThat(RawRecords.committed(bootstrap, topic("raw"))).as("the zombie's late transaction never became"
                + " visible").doesNotContainAnyElementsOf(zombieRecords);
        assertThat(RawRecords.uncommitted(bootstrap, topic("raw"))).as("read_uncommitted still shows them, aborted")
                .containsAll(zombieRecords);
        assertThat(events).isNotEmpty();
    }

    private final List<ExpectedTransition> expectedOfRemoved = new ArrayList<>();
    private final Set<SourceAccount> removedAccounts = new HashSet<>();
    private final List<SessionEvent> eventsSeen = new ArrayList<>();
    private TopicReader eventsReader;

    // --- the cluster ---

    private void startInstances(String... names) {
        for (String name : names) {
            Map<String, String> env = new HashMap<>();
            env.put("SESSIONFLOW_KAFKA_BOOTSTRAP_SERVERS", bootstrap);
            env.put("SESSIONFLOW_CLUSTER", cluster);
            env.put("SESSIONFLOW_INSTANCE_ID", name);
            env.put("SESSIONFLOW_TOPICS_EVENTS", topic("events"));
            env.put("SESSIONFLOW_TOPICS_RAW", topic("raw"));
            env.put("SESSIONFLOW_TOPICS_DLQ", topic("dlq"));
            env.put("SESSIONFLOW_TOPICS_STATE", topic("state"));
            env.put("SESSIONFLOW_OBSERVE_PORT", "0");
            env.put("SESSIONFLOW_ROUTES_DIR", Path.of("routes").toAbsolutePath().toString());
            instances.put(
                    name, JavaProcess.start(cluster + "-" + name, "io.sessionflow.Sessionflow", List.of("run"), env));
        }
    }

    private String topic(String kind) {
        return cluster + "." + kind;
    }

    private Settings operatorSettings() {
        return Settings.from(Map.of(), new Properties(), Map.of("sessionflow.kafka.bootstrap-servers", bootstrap,
                "sessionflow.cluster", cluster, "sessionflow.topics.events", topic("events"),
                "sessionflow.topics.raw", topic("raw"), "sessionflow.topics.dlq", topic("dlq"),
                "sessionflow.topics.state", topic("state")));
    }

    private void add(ChangingAccount account) {
        accounts.add(account);
        assertThat(new AccountsCommand(operatorSettings(), System.out).run(account.addCommand())).isZero();
    }

    /**
     * Removes accounts as an operator does, once everything their frozen worlds did is published; then their worlds
     * change again, and none of it may be published.
     */
    private Map<SourceAccount, Instant> remove(List<ChangingAccount> removed) {
        removed.forEach(ChangingAccount::freeze);
        List<ExpectedTransition> before = new ArrayList<>();
        removed.forEach(a -> before.addAll(a.expected()));
        VerifyReport published = awaitComplete(before, true);
        assertThat(published.missing()).as("what the removed accounts did, published before they are removed: %s%s",
                published.text(), RawRecords.diagnose(bootstrap, topic("events")) + eventsByAccount()).isEmpty();
        expectedOfRemoved.addAll(before);
        removed.forEach(a -> new AccountsCommand(operatorSettings(), System.out).run("remove", a.account.system().id(),
                a.account.account()));
        removed.forEach(a -> removedAccounts.add(a.account));
        Map<SourceAccount, Instant> marks = new HashMap<>();
        awaitTrue(() -> {
            marks.putAll(RawRecords.removalMarks(bootstrap, topic("state")));
            return removed.stream().allMatch(a -> marks.containsKey(a.account));
        }, "each removed account's owner committed its removal mark", 1000);
        removed.forEach(ChangingAccount::thaw);
        return marks;
    }

    /** Waits until the group has exactly these members and every shard has an owner. */
    private ClusterView awaitSettled(Set<String> members) throws Exception {
        ClusterView[] view = new ClusterView[1];
        awaitTrue(() -> {
            try {
                view[0] = ClusterView.read(KafkaClients.base(bootstrap), ClusterSettings.from(operatorSettings()),
                        topic("state"));
            } catch (Exception e) {
                return false;
            }
            Set<String> names = new HashSet<>();
            view[0].members().keySet().forEach(m -> names.add(m.substring(0, m.indexOf(' '))));
            return names.equals(members) && view[0].members().values().stream().mapToInt(List::size).sum()
                    == view[0].shards();
        }, "the group settled with members " + members, 1000);
        return view[0];
    }

    private static String ownerOf(ClusterView view, SourceAccount account) {
        int shard = ShardOf.of(account, view.shards());
        return view.members().entrySet().stream().filter(e -> e.getValue().contains(shard))
                .map(e -> e.getKey().substring(0, e.getKey().indexOf(' '))).findFirst().orElse("-");
    }

    /**
     * Who polls each running account, from a quiet window (no membership change) in which every running account was
     * polled, each by exactly one instance. Windows are tried until one is like that: while the group still moves
     * shards an account may be asked by its old and its new owner, one after the other.
     */
    private Map<SourceAccount, String> ownersDuring(Duration window) {
        Map<SourceAccount, Set<String>> last = Map.of();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Instant from = Instant.now();
            Wait.pause(window);
            Instant to = Instant.now();
            Map<SourceAccount, Set<String>> agents = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
            for (ChangingAccount a : accounts) {
                if (!removedAccounts.contains(a.account)) {
                    agents.put(a.account, agentsBetween(a, from, to));
                }
            }
            last = agents;
            if (agents.values().stream().allMatch(s -> s.size() == 1)) {
                Map<SourceAccount, String> owners = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
                agents.forEach((a, s) -> owners.put(a, s.iterator().next()));
                return owners;
            }
        }
        throw new AssertionError("no quiet window in which every running account was polled by exactly one "
                + "instance; the last: " + last);
    }

    /** Seconds from the blow until another instance polled each account the victim owned. */
    private Map<SourceAccount, Double> takeover(String victim, Map<SourceAccount, String> owners, Runnable blow) {
        List<ChangingAccount> its = accounts.stream().filter(a -> victim.equals(owners.get(a.account))).toList();
        assertThat(its).as("accounts of %s", victim).isNotEmpty();
        Instant at = Instant.now();
        blow.run();
        awaitTrue(() -> its.stream().allMatch(a -> agentsSince(a, at).stream().anyMatch(g -> !g.equals(victim))),
                "another instance polls every account of " + victim);
        Map<SourceAccount, Double> gaps = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
        for (ChangingAccount a : its) {
            Instant first = a.requests().stream().filter(r -> r.at().isAfter(at) && !victim.equals(agent(r)))
                    .map(SimulatedHttpServer.Seen::at).min(Instant::compareTo).orElseThrow();
            gaps.put(a.account, Duration.between(at, first).toMillis() / 1000.0);
        }
        return gaps;
    }

    /**
     * Freezes the instance (SIGSTOP) at a moment it has records of an open transaction in the raw topic: what it had
     * written, uncommitted, by the keys of its own accounts. Tried again, thawed in between, until caught.
     */
    private List<Uncommitted> freezeMidTransaction(String name, Map<SourceAccount, String> owners, int shards) {
        Set<String> keys = new HashSet<>();
        Set<String> transactionalIds = new HashSet<>();
        ClusterSettings settings = ClusterSettings.from(operatorSettings());
        owners.forEach((a, owner) -> {
            if (owner.equals(name)) {
                keys.add(a.prefix());
                transactionalIds.add(settings.transactionalId(ShardOf.of(a, shards)));
            }
        });
        JavaProcess zombie = instances.get(name);
        java.util.Random random = new java.util.Random(11);
        for (int attempt = 0; attempt < 600; attempt++) {
            zombie.freeze();
            List<Uncommitted> open = RawRecords.openTransactions(bootstrap, topic("raw"), keys, transactionalIds);
            if (!open.isEmpty()) {
                System.out.printf("%s frozen mid-transaction at attempt %d: %d records written, uncommitted%n",
                        name, attempt + 1, open.size());
                return open;
            }
            zombie.resume();
            Wait.pause(Duration.ofMillis(20 + random.nextInt(80)));
        }
        throw new AssertionError(name + " was never frozen with a transaction open in 600 attempts");
    }

    // --- what the simulators and the topics saw ---

    private static String agent(SimulatedHttpServer.Seen r) {
        return instanceOf(r.agent());
    }

    /** {@code Sessionflow (i1)} -> {@code i1} */
    private static String instanceOf(String userAgent) {
        return userAgent != null && userAgent.startsWith("Sessionflow (")
                ? userAgent.substring("Sessionflow (".length(), userAgent.length() - 1) : userAgent;
    }

    private static Set<String> agentsSince(ChangingAccount a, Instant from) {
        return agentsBetween(a, from, Instant.MAX);
    }

    private static Set<String> agentsBetween(ChangingAccount a, Instant from, Instant to) {
        Set<String> agents = new HashSet<>();
        a.askedBetween(from, to).forEach(ua -> agents.add(instanceOf(ua)));
        return agents;
    }

    /** What the events topic holds so far, read on from where the last call stopped (the broker is shared). */
    private List<SessionEvent> events() {
        if (eventsReader == null) {
            eventsReader = new TopicReader(bootstrap, topic("events"));
        }
        List<ConsumerRecord<String, byte[]>> all = eventsReader.readToEnd();
        for (int i = eventsSeen.size(); i < all.size(); i++) {
            eventsSeen.add(EventJson.parse(all.get(i).value()));
        }
        return List.copyOf(eventsSeen);
    }

    private List<Instant> eventsOf(SourceAccount account, Instant after) {
        return RawRecords.timestampsOfKeyPrefix(bootstrap, topic("events"), account.prefix() + ":").stream()
                .filter(t -> t.isAfter(after)).toList();
    }

    /**
     * Until every expected transition is on the topic (or the wait is over): the checks of the whole stream, or of the
     * sessions the expected transitions name only.
     */
    private VerifyReport awaitComplete(List<ExpectedTransition> expected, boolean theirSessionsOnly) {
        Set<String> keys = new HashSet<>();
        expected.forEach(t -> keys.add(t.key()));
        java.util.function.Supplier<List<SessionEvent>> read = theirSessionsOnly ? () -> eventsOf(keys) : this::events;
        try {
            Wait.await().atMost(WAIT).pollInterval(Duration.ofSeconds(1))
                    .until(() -> StreamChecks.check(read.get(), expected).missing().isEmpty());
        } catch (ConditionTimeoutException e) {
            // the report below says what is missing
        }
        VerifyReport report = StreamChecks.check(read.get(), expected);
        if (!report.missing().isEmpty()) {
            instances.values().stream().filter(JavaProcess::isAlive).forEach(JavaProcess::dumpThreads);
        }
        return report;
    }

    /** How many events each account has on the topic, and one of each, for a failure message. */
    private String eventsByAccount() {
        Map<String, List<SessionEvent>> by = new TreeMap<>();
        events().forEach(e -> by.computeIfAbsent(e.kafkaKey().substring(0, e.kafkaKey().indexOf(':')),
                k -> new ArrayList<>()).add(e));
        StringBuilder out = new StringBuilder("\nevents by account:\n");
        by.forEach((k, list) -> out.append(k).append(' ').append(list.size()).append(' ')
                .append(new String(EventJson.toBytes(list.get(0)), java.nio.charset.StandardCharsets.UTF_8)).append('\n'));
        return out.toString();
    }

    private List<SessionEvent> eventsOf(Set<String> keys) {
        return events().stream().filter(e -> keys.contains(e.kafkaKey())).toList();
    }

    private void awaitTrue(BooleanSupplier condition, String what) {
        awaitTrue(condition, what, 100);
    }

    /** @param pauseMillis between checks: a check that reads Kafka waits longer, the broker runs in this JVM */
    private void awaitTrue(BooleanSupplier condition, String what, long pauseMillis) {
        try {
            Wait.await(what).atMost(WAIT).pollInterval(Duration.ofMillis(pauseMillis)).until(condition::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            instances.values().stream().filter(JavaProcess::isAlive).forEach(JavaProcess::dumpThreads);
            StringBuilder logs = new StringBuilder();
            instances.forEach((n, p) -> logs.append("\n--- ").append(n).append(" ---\n")
                    .append(tail(p.output())));
            throw new AssertionError("not within " + WAIT.toSeconds() + " s: " + what + logs, e);
        }
    }

    private static String tail(String text) {
        return text.length() < 4000 ? text : text.substring(text.length() - 4000);
    }

    private static double max(Map<SourceAccount, Double> gaps) {
        return gaps.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }


    /** A record by where it sits: what a zombie wrote in a transaction that must never commit. */
    record Uncommitted(int partition, long offset) {
    }
}
