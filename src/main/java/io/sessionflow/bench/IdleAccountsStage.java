package io.sessionflow.bench;

import io.sessionflow.source.webinar.WebinarModule;
import io.sessionflow.source.webinar.WebinarSimulator;
import io.sessionflow.source.webinar.WebinarWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Idle webinar.ru accounts in the whole app: the heap each one keeps (after a full GC, with {@code accounts} added
 * to one already running, so the app's own footprint is left out) and the CPU time of the process per idle poll
 * (schedule pages, nothing changed, each poll's transaction committed), polled every
 * {@link PerfSizes#idlePollMillis}. From these, how many accounts one instance polls at the default interval.
 */
final class IdleAccountsStage {
    private static final String TOKEN = "bench-token";
    private final BenchKafka kafka;
    private final PerfSizes sizes;

    /**
     * @param requestsPerPoll vendor requests of one idle poll of one account
     */
    record Result(int accounts, int sessionsPerAccount, long heapBytesPerAccount, double cpuMillisPerPoll,
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
        WebinarWorld world = new WebinarWorld();
        Instant now = Instant.now();
        for (int s = 0; s < sizes.idleSessions(); s++) {
            world.schedule("Webinar " + s, now.minusSeconds(3600), now.plus(Duration.ofDays(1)));
        }
        String interval = sizes.idlePollMillis() + "ms";
        try (WebinarSimulator simulator = new WebinarSimulator(world, TOKEN);
             BenchApp app = new BenchApp(kafka, "idle", Map.of(
                     "sessionflow.webinar.base-url", simulator.baseUrl(),
                     "sessionflow.webinar.token", TOKEN,
                     "sessionflow.webinar.poll-interval", interval))) {
            BenchApp.await(() -> app.polls() >= 2, "the first account's polls");
            long before = ScalingStage.usedHeapAfterGc();
            for (int i = 1; i <= n; i++) {
                app.addWebinar("idle" + i, simulator.baseUrl(), TOKEN, "poll-interval=" + interval);
            }
            BenchApp.await(() -> app.running().size() == n + 1, n + " accounts running");
            // each added account's first poll (all its sessions new) and one idle poll more
            BenchApp.await(() -> app.polls() >= 2 + 2.0 * n, n + " accounts' first polls");
            // the polls counted so far are of all accounts together: two intervals more, so every account is past
            // its first poll (every session new) before the window opens
            Thread.sleep(2 * sizes.idlePollMillis());
            long heap = ScalingStage.usedHeapAfterGc() - before;
            double pollsBefore = app.polls();
            int requestsBefore = simulator.requestCount();
            long cpuBefore = CpuTime.process();
            Thread.sleep(sizes.idleWindowMillis());
            double polls = app.polls() - pollsBefore;
            long cpu = CpuTime.process() - cpuBefore;
            double requests = simulator.requestCount() - requestsBefore;
            io.sessionflow.config.Settings defaults = io.sessionflow.config.Settings.from(Map.of(),
                    new java.util.Properties(), Map.of());
            Duration defaultInterval = new WebinarModule().pollInterval(new WebinarModule().defaultAccount(defaults));
            double limit = Double.parseDouble(defaults.string("sessionflow.http.requests-per-second"));
            Runtime runtime = Runtime.getRuntime();
            return new Result(n, sizes.idleSessions(), heap / n, cpu / 1e6 / polls, requests / polls,
                    defaultInterval, limit, runtime.availableProcessors(), runtime.maxMemory());
        }
    }
}
