package io.sessionflow.bench;

/**
 * Sizes of the stages of the performance issue (peer route, accounts in parallel, request economy, cluster), apart
 * from {@link BenchSizes} so those stages stay in files of their own; quick when the bench runs its quick sizes.
 */
/**
 * @param economySessions listed sessions of the request-economy rows
 * @param economyLive     sessions that cost requests of their own on every poll (each module says which)
 * @param economyChanged  sessions changed before each poll
 */
record PerfSizes(int peerSessions, int peerWarmups, int peerPolls, int economySessions, int economyLive,
                 int economyChanged, int economyPolls, int accountSessions, long accountWarmupMillis,
                 long accountWindowMillis, int idleAccounts, int idleSessions, long idlePollMillis,
                 long idleWindowMillis, int takeoverAccounts) {

    static PerfSizes of(BenchSizes sizes) {
        return sizes.equals(BenchSizes.quick()) ? quick() : full();
    }

    static PerfSizes full() {
        return new PerfSizes(1_000, 2, 5, 1_000, 5, 10, 3, 500, 3_000, 10_000, 100, 100, 2_000, 10_000, 8);
    }

    static PerfSizes quick() {
        return new PerfSizes(20, 1, 1, 40, 1, 2, 1, 10, 200, 500, 3, 10, 500, 1_000, 3);
    }
}
