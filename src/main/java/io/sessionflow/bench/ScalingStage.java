package io.sessionflow.bench;

import io.sessionflow.source.PollBatch;
import io.sessionflow.source.SnapshotPoller;
import io.sessionflow.source.webinar.WebinarPayload;
import io.sessionflow.track.InMemoryKnownSessions;
import io.sessionflow.track.SessionTracker;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One poll over n tracked sessions of which 1% changed: fetch (in memory), map every record, diff every
 * snapshot against the tracker. Publishing is left out (the 1% are a small transaction; stage "pipeline"
 * measures publishing). Heap is measured after a full GC, so it is what stays: vendor data plus tracker.
 */
final class ScalingStage {
    private final BenchSizes sizes;

    record Result(int sessions, double medianMillis, double maxMillis, int eventsPerPoll, long heapBytes,
                  long trackerBytes) {
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
        InMemoryWebinarVendor vendor = new InMemoryWebinarVendor(n);
        SessionTracker tracker = new SessionTracker(new InMemoryKnownSessions());
        SnapshotPoller<WebinarPayload> poller = PipelineStage.poller(vendor, tracker);
        long vendorOnly = usedHeapAfterGc();
        commit(tracker, poller.poll());
        // one unmeasured 1% poll to warm the JIT on the steady-state path
        vendor.change(Math.max(1, n / 100));
        commit(tracker, poller.poll());
        List<Double> millis = new ArrayList<>();
        int events = 0;
        for (int i = 0; i < sizes.scalingPolls(); i++) {
            vendor.change(Math.max(1, n / 100));
            long start = System.nanoTime();
            PollBatch batch = poller.poll();
            millis.add((System.nanoTime() - start) / 1e6);
            events = batch.events().size();
            commit(tracker, batch);
        }
        long withTracker = usedHeapAfterGc();
        Collections.sort(millis);
        return new Result(n, millis.get(millis.size() / 2), millis.get(millis.size() - 1), events,
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
