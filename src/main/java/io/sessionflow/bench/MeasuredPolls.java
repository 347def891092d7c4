package io.sessionflow.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The stopwatch of a route that polls on its own timer: before each poll the simulated vendor changes (not
 * counted), then the poll's wall time, the process's CPU time and the vendor's requests run until the route finished
 * it. The first {@code warmups} polls are not counted.
 */
final class MeasuredPolls {
    private final Runnable vendorChanges;
    private final IntSupplier vendorRequests;
    private final int warmups;
    private final CountDownLatch done;
    private int started;
    private long startNanos;
    private long startCpu;
    private int startRequests;
    private long nanos;
    private long cpuNanos;
    private int requests;

    MeasuredPolls(Runnable vendorChanges, IntSupplier vendorRequests, int warmups, int polls) {
        this.vendorChanges = vendorChanges;
        this.vendorRequests = vendorRequests;
        this.warmups = warmups;
        this.done = new CountDownLatch(polls);
    }

    synchronized void pollStarts() {
        vendorChanges.run();
        started++;
        startRequests = vendorRequests.getAsInt();
        startCpu = CpuTime.process();
        startNanos = System.nanoTime();
    }

    synchronized void pollEnds() {
        if (started > warmups) {
            nanos += System.nanoTime() - startNanos;
            cpuNanos += CpuTime.process() - startCpu;
            requests += vendorRequests.getAsInt() - startRequests;
        }
        done.countDown();
    }

    /** @return the measured polls' wall time in seconds, once every poll ran */
    double awaitSeconds(long timeoutSeconds) throws InterruptedException {
        if (!done.await(timeoutSeconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the route did not finish its polls within " + timeoutSeconds + " s");
        }
        synchronized (this) {
            return nanos / 1e9;
        }
    }

    synchronized long cpuNanos() {
        return cpuNanos;
    }

    synchronized int requests() {
        return requests;
    }
}
