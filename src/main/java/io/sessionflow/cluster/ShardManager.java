package io.sessionflow.cluster;

import io.sessionflow.config.AccountSettings;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.publish.TransactionalPublisher;
import io.sessionflow.source.PollBatch;
import io.sessionflow.source.SourceModule;
import io.sessionflow.source.SourceModules;
import io.sessionflow.state.StateRestore;
import io.sessionflow.track.InMemoryKnownSessions;
import io.sessionflow.track.SessionTracker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shards this instance owns and the accounts running in them, managed as Kafka Streams' TaskManager manages tasks:
 * <ul>
 * <li><b>assigned</b>: catch up on the accounts topic, fence the previous owner (the shard's producer initialises its
 * transactions), restore the accounts' trackers from the state topic, start their routes;</li>
 * <li><b>revoked</b> (the group moves the shard on): stop the routes gracefully, so in-flight polls finish and commit
 * within the revoke timeout or are refused, then close the producer;</li>
 * <li><b>lost</b> (this instance dropped out of the group; another may own the shard already): abandon the producer
 * first, so nothing more commits, then stop the routes without waiting;</li>
 * <li><b>accounts changed</b>: start added accounts, stop removed ones, restart changed ones.</li>
 * </ul>
 * It is also the {@code kafkaPublisher} bean: each batch goes to the producer of its account's shard.
 */
public final class ShardManager implements ShardOwner, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ShardManager.class);
    private final int shardCount;
    private final Duration revokeTimeout;
    private final AccountRegistry accounts;
    private final TaskContext context;
    private final Function<Integer, TransactionalPublisher> publishers;
    private final Function<Predicate<SourceAccount>, StateRestore.Restored> restore;
    private final Map<Integer, Shard> owned = new ConcurrentHashMap<>();

    public ShardManager(int shardCount, Duration revokeTimeout, AccountRegistry accounts, TaskContext context,
                        Function<Integer, TransactionalPublisher> publishers,
                        Function<Predicate<SourceAccount>, StateRestore.Restored> restore) {
        this.shardCount = shardCount;
        this.revokeTimeout = revokeTimeout;
        this.accounts = accounts;
        this.context = context;
        this.publishers = publishers;
        this.restore = restore;
    }

    /** The registry name of the bean an account's routes call. */
    public static String beanName(SourceAccount account) {
        return "source-" + account.system().id() + "-" + account.account();
    }

    public int shardOf(SourceAccount account) {
        return ShardOf.of(account, shardCount);
    }

    /** The shards owned here, and the accounts running in each. */
    @Override
    public synchronized Map<Integer, Set<SourceAccount>> owned() {
        Map<Integer, Set<SourceAccount>> view = new java.util.TreeMap<>();
        owned.forEach(
                (n, shard) -> view.put(n, new TreeSet<>(java.util.Comparator.comparing(SourceAccount::toString))));
        owned.forEach((n, shard) -> view.get(n).addAll(shard.tasks.keySet()));
        return view;
    }

    @Override
    public synchronized void assigned(Collection<Integer> shards) {
        if (shards.isEmpty()) {
            return;
        }
        accounts.catchUp(Duration.ofSeconds(30));
        List<Shard> fresh = new ArrayList<>();
        for (int n : shards) {
            fresh.add(owned.computeIfAbsent(n, number -> new Shard(number, () -> publishers.apply(number))));
        }
        context.metrics().shardsMoved("assigned", shards.size());
        start(accounts.accounts().stream().filter(a -> shards.contains(shardOf(a))).toList(), fresh);
        LOG.info("shards {} assigned: {} accounts run here now", new TreeSet<>(shards), running());
    }

    @Override
    public synchronized void revoked(Collection<Integer> shards) {
        handBack(shards, true);
    }

    /**
     * The instance leaves the group for good: every shard is handed back as soon as its in-flight polls committed.
     * Its routes stay, idle (timers suspended, feeds closed), until Camel stops them after the group moved on.
     */
    @Override
    public synchronized void leave() {
        handBack(List.copyOf(owned.keySet()), false);
    }

    private void handBack(Collection<Integer> shards, boolean stopRoutes) {
        List<Shard> leaving = shards.stream().map(owned::get).filter(java.util.Objects::nonNull).toList();
        if (leaving.isEmpty()) {
            return; // handed back already, before the member left the group
        }
        context.metrics().shardsMoved("revoked", leaving.size());
        // still owned while its polls finish, so they can commit; all at once, within one bound
        List<AccountTask> tasks = leaving.stream().flatMap(s -> s.tasks.values().stream()).toList();
        boolean drained = drain(tasks, revokeTimeout);
        if (stopRoutes || !drained) {
            tasks.forEach(task -> task.stop(drained ? revokeTimeout : Duration.ZERO));
        }
        for (Shard shard : leaving) {
            owned.remove(shard.number);
            shard.tasks.clear();
            TransactionalPublisher p = shard.publisherIfAny();
            if (p != null) {
                p.close();
            }
        }
        LOG.info("shards {} revoked: their in-flight polls finished, {} accounts run here now",
                new TreeSet<>(leaving.stream().map(s -> s.number).toList()), running());
    }

    @Override
    public synchronized void lost(Collection<Integer> shards) {
        context.metrics().shardsMoved("lost", shards.size());
        List<Shard> gone = new ArrayList<>();
        for (int n : shards) {
            Shard shard = owned.remove(n);
            if (shard != null) {
                gone.add(shard);
                TransactionalPublisher p = shard.publisherIfAny();
                if (p != null) {
                    p.abandon();
                }
            }
        }
        gone.forEach(shard -> shard.tasks.values().forEach(task -> task.stop(Duration.ZERO)));
        gone.forEach(shard -> shard.tasks.clear());
        if (!shards.isEmpty()) {
            LOG.warn(
                    "fenced: shards {} were lost while this instance was out of the group (unresponsive past the"
                            + " session timeout, or cut off); another instance owns them and has fenced this one's"
                            + " producers, so nothing more of them is committed here; rejoining",
                    new TreeSet<>(shards));
        }
    }

    /** Brings the running accounts in line with the registry, in the shards owned here. */
    public synchronized void accountsChanged() {
        Set<SourceAccount> wanted = new HashSet<>();
        for (SourceAccount a : accounts.accounts()) {
            if (owned.containsKey(shardOf(a))) {
                wanted.add(a);
            }
        }
        List<SourceAccount> toStart = new ArrayList<>();
        for (Shard shard : owned.values()) {
            List<AccountTask> leaving = shard.tasks.values().stream().filter(t -> !wanted.contains(t.account())
                    || !java.util.Objects.equals(t.version(), accounts.version(t.account()))).toList();
            boolean drained = drain(leaving, revokeTimeout);
            leaving.forEach(task -> task.stop(drained ? revokeTimeout : Duration.ZERO));
            for (AccountTask task : leaving) {
                SourceAccount a = task.account();
                boolean removed = !wanted.contains(a);
                shard.tasks.remove(a);
                LOG.info("{} {} here", a, removed ? "removed: stopped" : "changed: restarting");
                if (removed) {
                    shard.publisher().publishRemoval(a);
                }
            }
        }
        for (SourceAccount a : wanted) {
            Shard shard = owned.get(shardOf(a));
            if (shard != null && !shard.tasks.containsKey(a)) {
                toStart.add(a);
            }
        }
        start(toStart, List.of());
    }

    /**
     * The {@code kafkaPublisher} bean: one transaction on the producer of the batch's shard.
     *
     * @return the batch as committed (the publish route hands it on to the outcomes)
     */
    public PollBatch publish(PollBatch batch) {
        Shard shard = owned.get(shardOf(batch.account()));
        AccountTask task = shard == null ? null : shard.tasks.get(batch.account());
        if (task == null) {
            throw new IllegalStateException(batch.account() + " does not run on this instance any more (its shard "
                    + "moved or it was removed): its batch is not published");
        }
        try {
            return shard.publisher().publish(batch, task.tracker(), task.pollInterval());
        } catch (TransactionalPublisher.FencedException e) {
            if (shard.fenced()) {
                LOG.warn("fenced: shard {} was taken over by another instance; this instance commits nothing more "
                        + "for it and rejoins the group", shard.number);
            }
            throw e;
        }
    }

    /** Keeps the account's last failure where {@code sessionflow cluster} finds it, if the account runs here. */
    public void failed(SourceAccount account, String error) {
        Shard shard = owned.get(shardOf(account));
        if (shard != null) {
            try {
                shard.publisher().publishFailure(account, error);
            } catch (RuntimeException e) {
                LOG.debug("the failure of {} was not recorded: {}", account, e.toString());
            }
        }
    }

    /** Every shard handed back gracefully, as on revocation. */
    @Override
    public synchronized void close() {
        revoked(List.copyOf(owned.keySet()));
    }

    /** Accounts that polled in these shards, are no longer configured and carry no removal mark yet: marked now. */
    private void markMissedRemovals(StateRestore.Restored state, Set<Integer> shards) {
        Set<SourceAccount> configured = accounts.accounts();
        state.memory().keySet().stream()
                .filter(a -> shards.contains(shardOf(a)) && !configured.contains(a) && !state.removed().contains(a))
                .filter(a -> !a.isDefault())
                .forEach(a -> {
                    owned.get(shardOf(a)).publisher().publishRemoval(a);
                    LOG.info("{} was removed while its shard moved: its removal is marked here", a);
                });
    }

    /**
     * Accounts about to stop: their sources first (a feed stops queueing), then all their routes drain together, so
     * the set takes as long as its slowest in-flight poll, not their sum.
     *
     * @return whether every in-flight poll finished within the timeout
     */
    private boolean drain(List<AccountTask> tasks, Duration timeout) {
        if (tasks.isEmpty()) {
            return true;
        }
        long started = System.nanoTime();
        atOnce(tasks, AccountTask::stopSource); // a feed's close waits for its connection to end
        try {
            if (RouteDrain.drain(context.camel(), tasks.stream().flatMap(t -> t.routeIds().stream()).toList(),
                    timeout)) {
                LOG.info("{} accounts handed back: their in-flight polls finished in {} ms", tasks.size(),
                        (System.nanoTime() - started) / 1_000_000);
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.warn("polls of {} accounts still running after {}: cut short, their batches refused", tasks.size(),
                timeout);
        return false;
    }

    /** Each on a thread of its own: network waits (a feed's close, a producer's fencing) overlap, whatever the cores. */
    private static <T> void atOnce(java.util.Collection<T> items, java.util.function.Consumer<T> action) {
        List<Thread> threads = items.stream().map(item -> new Thread(() -> action.accept(item), "sessionflow-shards"))
                .toList();
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private int running() {
        return owned.values().stream().mapToInt(s -> s.tasks.size()).sum();
    }

    /**
     * Starts accounts of owned shards: their shards fenced first (so the state read next is final), then their memory
     * restored. Newly assigned shards are read too, for removed accounts whose previous owner left before it marked
     * their removal; such a shard is fenced then, and the mark written.
     */
    private void start(List<SourceAccount> toStart, List<Shard> assignedNow) {
        Set<Shard> fencing = new java.util.LinkedHashSet<>();
        toStart.forEach(a -> fencing.add(owned.get(shardOf(a))));
        if (fencing.isEmpty() && assignedNow.isEmpty()) {
            return;
        }
        Set<Integer> fenced = java.util.concurrent.ConcurrentHashMap.newKeySet();
        atOnce(fencing, shard -> {
            try {
                shard.publisher();
                fenced.add(shard.number);
            } catch (RuntimeException e) {
                LOG.error("shard {} not started: its producer could not be initialised: {}", shard.number,
                        e.getMessage());
            }
        });
        Set<SourceAccount> starting = new HashSet<>();
        toStart.stream().filter(a -> fenced.contains(shardOf(a))).forEach(starting::add);
        Set<Integer> newlyOwned = new HashSet<>();
        assignedNow.forEach(s -> newlyOwned.add(s.number));
        StateRestore.Restored state = restore.apply(a -> starting.contains(a) || newlyOwned.contains(shardOf(a)));
        markMissedRemovals(state, newlyOwned);
        Map<SourceAccount, InMemoryKnownSessions> restored = state.memory();
        for (SourceAccount a : starting) {
            Shard shard = owned.get(shardOf(a));
            try {
                AccountSettings settings = accounts.settings(a);
                SourceModule module = SourceModules.of(a.system()).orElseThrow();
                SessionTracker tracker = new SessionTracker(restored.getOrDefault(a, new InMemoryKnownSessions()),
                        module.forgetting(settings));
                AccountTask task = AccountTask.of(settings, accounts.version(a), tracker, context);
                // known before its routes run, so its first batch finds it
                shard.tasks.put(a, task);
                task.start(module);
            } catch (RuntimeException e) {
                shard.tasks.remove(a);
                LOG.error("{} cannot run here: {}", a, e.getMessage());
                context.outcomes().failed(a, "cannot run: " + e.getMessage());
                failed(a, "cannot run: " + e.getMessage());
            }
        }
    }
}
