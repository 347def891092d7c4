package io.sessionflow.bench;

import io.sessionflow.config.Settings;
import io.sessionflow.source.BenchListing;
import io.sessionflow.source.SourceModule;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Idle accounts of the listing module ({@link BenchModules#listing}) in the whole app: the heap each one keeps (after a full GC, with {@code accounts} added
 * to one already running, so the app's own footprint is left out) and the CPU time of the process per idle poll
 * (schedule pages, nothing changed, each poll's transaction committed), polled every
 * {@link PerfSizes#idlePollMillis}. From these, how many accounts one instance polls at the default interval.
 */
final class IdleAccountsStage {
    private final BenchKafka kafka;
    private final PerfSizes sizes;

    /**
     * @param requestsPerPoll vendor requests of one idle poll of one account
     */
    record Result(String vendor, int accounts, int sessionsPerAccount, long heapBytesPerAccount, double cpuMillisPerPoll,
                  double requestsPerPoll, Duration defaultInterval, double requestsPerSecondLimit, int cores,
                  long maxHeap) {

        /** Accounts whose idle polls at the default interval fill the cores. */
        long byCpu() {
            return Math.round(cores * defaultInterval.toMillis() / cpuMillisPerPoll);
        }

        /** Accounts whose idle memory fills half the heap (the other half for polls in flight). */
        long byHeap() {
            return heapBytesPerAccount <= 0 ? Long.MAX_VALUE : maxHeap / 2 / heapBytesPerAccount;
        }

        /** Whether an idle poll fits in each account's own rate budget within its interval. */
        boolean withinBudget() {
            return requestsPerPoll / requestsPerSecondLimit < defaultInterval.toSeconds();
        }
    }

    IdleAccountsStage(BenchKafka kafka, PerfSizes sizes) {
        this.kafka = kafka;
        this.sizes = sizes;
    }

    Result run() throws Exception {
        int n = sizes.idleAccounts();
        SourceModule module = BenchModules.listing();
        String poll = BenchModules.pollSetting(module);
        String interval = sizes.idlePollMillis() + "ms";
        try (BenchListing listing = module.benchListing().orElseThrow().start(sizes.idleSessions())) {
            Map<String, String> account = new LinkedHashMap<>(listing.settings());
            account.put(poll, interval);
            return run(module, listing, account, n);
        }
    }

    private Result run(SourceModule module, BenchListing listing, Map<String, String> account, int n)
            throws Exception {
        try (BenchApp app = new BenchApp(kafka, "idle", BenchModules.asDefault(module, account))) {
            BenchApp.await(() -> app.polls() >= 2, "the first account's polls");
            long before = ScalingStage.usedHeapAfterGc();
            for (int i = 1; i <= n; i++) {
                app.addAccount(module, "idle" + i, account);
            }
            BenchApp.await(() -> app.running().size() == n + 1, n + " accounts running");
            // each added account's first poll (all its sessions new) and one idle poll more
            BenchApp.await(() -> app.polls() >= 2 + 2.0 * n, n + " accounts' first polls");
            // the polls counted so far are of all accounts together: two intervals more, so every account is past
            // its first poll (every session new) before the window opens
            Thread.sleep(2 * sizes.idlePollMillis());
            long heap = ScalingStage.usedHeapAfterGc() - before;
            double pollsBefore = app.polls();
            int requestsBefore = listing.requestCount();
            long cpuBefore = CpuTime.process();
            Thread.sleep(sizes.idleWindowMillis());
            double polls = app.polls() - pollsBefore;
            long cpu = CpuTime.process() - cpuBefore;
            double requests = listing.requestCount() - requestsBefore;
            Settings defaults = Settings.from(Map.of(), new Properties(), Map.of());
            Duration defaultInterval = module.pollInterval(module.defaultAccount(defaults));
            double limit = Double.parseDouble(defaults.string("sessionflow.http.requests-per-second"));
            Runtime runtime = Runtime.getRuntime();
            return new Result(module.title(), n, sizes.idleSessions(), heap / n, cpu / 1e6 / polls, requests / polls,
                    defaultInterval, limit, runtime.availableProcessors(), runtime.maxMemory());
        }
    }
}
