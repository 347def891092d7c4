package io.sessionflow.bench;

/**
 * Sizes of the stages of the performance issue (peer route, accounts in parallel, request economy, cluster), apart
 * from {@link BenchSizes} so those stages stay in files of their own; quick when the bench runs its quick sizes.
 */
record PerfSizes(int peerSessions, int peerWarmups, int peerPolls) {

    static PerfSizes of(BenchSizes sizes) {
        return sizes.equals(BenchSizes.quick()) ? quick() : full();
    }

    static PerfSizes full() {
        return new PerfSizes(1_000, 2, 5);
    }

    static PerfSizes quick() {
        return new PerfSizes(20, 1, 1);
    }
}
