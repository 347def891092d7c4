package io.sessionflow.bench;

import io.sessionflow.cluster.ShardOf;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.source.BenchListing;
import io.sessionflow.source.SourceModule;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole app (cluster membership, shards, one route per account, transactional publish per shard) polling 1, 2
 * or 4 accounts of the listing module ({@link BenchModules#listing}) at once, each against a simulator of its own
 * whose sessions are all renamed again and again, rate limit off and polls back to back: the events committed per second and the process's CPU time. Each
 * account's polls run on its own timer thread (the row checks that each one used CPU) and commit on its shard's
 * producer (the row says how many shards the accounts fell on: accounts of one shard share a producer, so their
 * transactions take turns).
 */
final class AccountsStage {
    private final BenchKafka kafka;
    private final PerfSizes sizes;
    private final SourceModule module = BenchModules.listing();

    /**
     * @param busyThreads accounts whose own timer thread (the one polling them) used CPU time in the window
     * @param shards      distinct shards the accounts hash to
     */
    record Result(String vendor, int accounts, double eventsPerSecond, double cpuSecondsPerSecond,
                  double cpuMillisPer1000Events, int busyThreads, int shards, String load) {
    }

    AccountsStage(BenchKafka kafka, PerfSizes sizes) {
        this.kafka = kafka;
        this.sizes = sizes;
    }

    List<Result> run() throws Exception {
        // unmeasured: the first app in this JVM pays for class loading and JIT compilation, which would make the
        // one-account row look slower than it is
        run(1);
        List<Result> results = new ArrayList<>();
        for (int n : new int[] {1, 2, 4}) {
            results.add(run(n));
        }
        return results;
    }

    private Result run(int n) throws Exception {
        List<BenchListing> listings = new ArrayList<>();
        String poll = BenchModules.pollSetting(module);
        try {
            for (int i = 0; i < n; i++) {
                listings.add(module.benchListing().orElseThrow().start(sizes.accountSessions()));
            }
            return measure(listings, poll);
        } finally {
            listings.forEach(BenchListing::close);
        }
    }

    private Result measure(List<BenchListing> listings, String poll) throws Exception {
        int n = listings.size();
        Renaming renaming = new Renaming(listings, sizes.accountSessions());
        String load = MachineInfo.loadAverage();
        Map<String, String> first = BenchModules.asDefault(module, listings.get(0).settings());
        first.put("sessionflow.http.requests-per-second", "0");
        first.put(module.settingsPrefix() + poll, "1ms");
        try (BenchApp app = new BenchApp(kafka, "accounts-" + n, first)) {
            for (int i = 1; i < n; i++) {
                Map<String, String> account = new LinkedHashMap<>(listings.get(i).settings());
                account.put(poll, "1ms");
                app.addAccount(module, "a" + i, account);
            }
            // every account's first poll (every session new) is committed before the window opens
            BenchApp.await(() -> app.published() >= (double) n * sizes.accountSessions(),
                    n + " accounts' first polls");
            Set<SourceAccount> running = app.running();
            renaming.start();
            Thread.sleep(sizes.accountWarmupMillis());
            Map<String, Long> threadsBefore = timerThreadCpu();
            double eventsBefore = app.published();
            long cpuBefore = CpuTime.process();
            long start = System.nanoTime();
            Thread.sleep(sizes.accountWindowMillis());
            double seconds = (System.nanoTime() - start) / 1e9;
            double events = app.published() - eventsBefore;
            long cpu = CpuTime.process() - cpuBefore;
            Map<String, Long> threadsAfter = timerThreadCpu();
            renaming.stop();
            int busy = (int) running.stream().map(a -> "timer://" + module.system().id() + "-" + a.account())
                    .filter(t -> threadsAfter.getOrDefault(t, 0L) > threadsBefore.getOrDefault(t, 0L)).count();
            long distinct = running.stream().map(a -> ShardOf.of(a, app.shards())).distinct().count();
            return new Result(module.title(), running.size(), events / seconds, cpu / 1e9 / seconds,
                    cpu / 1e6 / (events / 1000), busy, (int) distinct, load);
        } finally {
            renaming.stop();
        }
    }

    /** CPU time of each Camel timer thread by its endpoint ({@code timer://<system>-<account>}). */
    private static Map<String, Long> timerThreadCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains("timer://")) {
                String endpoint = info.getThreadName().substring(info.getThreadName().indexOf("timer://"));
                cpu.merge(endpoint, threads.getThreadCpuTime(info.getThreadId()), Long::sum);
            }
        }
        return cpu;
    }

    /** Renames every session of every world, again and again, so each poll finds them all changed. */
    private static final class Renaming implements Runnable {
        private final List<BenchListing> listings;
        private final int sessions;
        private volatile boolean running;
        private Thread thread;

        Renaming(List<BenchListing> listings, int sessions) {
            this.listings = listings;
            this.sessions = sessions;
        }

        void start() {
            running = true;
            thread = new Thread(this, "bench-renaming");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            if (thread != null) {
                thread.join();
            }
        }

        @Override
        public void run() {
            while (running) {
                listings.forEach(l -> l.rename(sessions));
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
