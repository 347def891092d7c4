package io.sessionflow.bench;

import io.sessionflow.source.PollBatch;
import io.sessionflow.source.SnapshotPoller;
import io.sessionflow.track.InMemoryKnownSessions;
import io.sessionflow.track.SessionTracker;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One poll over n tracked sessions of which 1% changed (the end-to-end module's records in memory): fetch (each
 * record with the text it came from), recognise the unchanged records by the digest of that text, map and diff the
 * changed ones. Publishing is left out (the 1% are a small transaction; stage "pipeline" measures publishing). Heap
 * is measured after a full GC, so it is what stays: vendor data plus tracker.
 */
final class ScalingStage {
    private final BenchSizes sizes;

    /** @param medianCpuMillis CPU time of the polling thread: on a shared box wall time includes waiting for a core */
    record Result(int sessions, double medianMillis, double maxMillis, double medianCpuMillis, int eventsPerPoll,
                  long heapBytes, long trackerBytes) {
    }

    ScalingStage(BenchSizes sizes) {
        this.sizes = sizes;
    }

    List<Result> run() {
        List<Result> results = new ArrayList<>();
        for (int n : sizes.scalingSessions()) {
            results.add(poll(n));
        }
        return results;
    }

    private Result poll(int n) {
        long empty = usedHeapAfterGc();
        InMemoryVendor<?> vendor = InMemoryVendor.of(BenchModules.endToEnd(), n);
        // forgetting on, as in the app (90 days): each poll also looks for closed sessions due to be forgotten
        SessionTracker tracker = new SessionTracker(new InMemoryKnownSessions(),
                new io.sessionflow.track.Forgetting(java.time.Duration.ofDays(90), java.time.Duration.ZERO));
        SnapshotPoller<?> poller = vendor.poller(tracker);
        long vendorOnly = usedHeapAfterGc();
        commit(tracker, poller.poll());
        // one unmeasured 1% poll to warm the JIT on the steady-state path
        vendor.change(Math.max(1, n / 100));
        commit(tracker, poller.poll());
        List<Double> millis = new ArrayList<>();
        List<Double> cpuMillis = new ArrayList<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int events = 0;
        for (int i = 0; i < sizes.scalingPolls(); i++) {
            vendor.change(Math.max(1, n / 100));
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            PollBatch batch = poller.poll();
            cpuMillis.add((threads.getCurrentThreadCpuTime() - cpuStart) / 1e6);
            millis.add((System.nanoTime() - start) / 1e6);
            events = batch.events().size();
            commit(tracker, batch);
        }
        long withTracker = usedHeapAfterGc();
        Collections.sort(millis);
        Collections.sort(cpuMillis);
        return new Result(n, millis.get(millis.size() / 2), millis.get(millis.size() - 1),
                cpuMillis.get(cpuMillis.size() / 2), events,
                withTracker - empty, withTracker - vendorOnly);
    }

    private static void commit(SessionTracker tracker, PollBatch batch) {
        tracker.commit(batch.system(), batch.transitions(), batch.polledAt());
    }

    static long usedHeapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
