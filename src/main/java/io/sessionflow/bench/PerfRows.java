package io.sessionflow.bench;

import java.util.List;

/**
 * The rows of the performance issue's stages, each measured in a file of its own: Sessionflow against the route a
 * Camel user would write. Every row carries the load average at its start: the machine is shared, so only ratios
 * within a row compare.
 */
final class PerfRows {
    private final BenchKafka kafka;
    private final PerfSizes sizes;
    private final BenchReport report;

    PerfRows(BenchKafka kafka, BenchSizes sizes, BenchReport report) {
        this.kafka = kafka;
        this.sizes = PerfSizes.of(sizes);
        this.report = report;
    }

    void peer() throws Exception {
        for (PeerStage.Result r : new PeerStage(kafka, sizes).run()) {
            double ratio = r.sessionflow().recordsPerSecond() / r.peer().recordsPerSecond();
            String share = r.changed() == r.sessions() ? "all" : Figures.count(r.changed());
            String measure = r.vendor() + " records/s, " + share + " of " + Figures.count(r.sessions())
                    + " listed sessions changed per poll: Sessionflow / Camel route";
            String result = Figures.perSecond(r.sessionflow().recordsPerSecond()) + " / "
                    + Figures.perSecond(r.peer().recordsPerSecond()) + " (" + Figures.ratio(ratio) + ")";
            String notes = "Sessionflow " + side(r.sessionflow()) + " events; route " + side(r.peer())
                    + " records (every listed session, every poll); same simulator and broker, rate limit off; load "
                    + r.load();
            report.add(BenchRow.of("9 peer", measure, result, notes).against(">= 100% of the route", ratio >= 1));
        }
    }

    void economy() throws Exception {
        for (EconomyStage.Result r : new EconomyStage(sizes).run()) {
            String measure = r.vendor() + " requests per poll, " + Figures.count(r.listed()) + " listed, "
                    + Figures.count(r.changed()) + " changed, " + r.costly() + " " + r.words().costly();
            String result = Math.round(r.requestsPerPoll()) + " requests, " + Figures.millis(r.secondsPerPoll() * 1000)
                    + " per poll";
            String notes = Math.round(r.pages()) + " " + r.words().pages() + "; " + r.words().firstPoll()
                    + " asked " + Figures.count(r.firstPollRequests()) + ", "
                    + Math.round(r.firstPollRequests() / r.requestsPerSecondLimit()) + " s at the default limit of "
                    + Math.round(r.requestsPerSecondLimit()) + " requests/s";
            report.add(BenchRow.of("10 request economy", measure, result, notes)
                    .against("<= " + Math.round(r.target()) + " (" + r.words().allowance() + ")",
                            r.requestsPerPoll() <= r.target()));
        }
    }

    void accounts() throws Exception {
        List<AccountsStage.Result> results = new AccountsStage(kafka, sizes).run();
        double one = results.get(0).eventsPerSecond();
        for (AccountsStage.Result r : results) {
            String measure = "events/s with " + r.accounts() + " " + r.vendor() + " account"
                    + (r.accounts() == 1 ? "" : "s") + " polled at once (whole app, all sessions renamed between polls)";
            String result = Figures.perSecond(r.eventsPerSecond()) + " (" + Figures.ratio(r.eventsPerSecond() / one)
                    + " of 1 account), CPU " + String.format(java.util.Locale.ROOT, "%.2f", r.cpuSecondsPerSecond())
                    + " s/s";
            String notes = Figures.count(sizes.accountSessions()) + " sessions per account; CPU of the process"
                    + " (simulators and an embedded broker included) " + Figures.millis(r.cpuMillisPer1000Events())
                    + " per 1,000 events; " + r.busyThreads() + " of " + r.accounts() + " accounts polled on their"
                    + " own timer thread; on " + r.shards() + " shard" + (r.shards() == 1 ? "" : "s")
                    + " (one transactional producer each); load " + r.load();
            report.add(BenchRow.of("11 accounts in parallel", measure, result, notes)
                    .against("each account on its own thread", r.busyThreads() == r.accounts()));
        }
    }

    void idleAccounts() throws Exception {
        IdleAccountsStage.Result r = new IdleAccountsStage(kafka, sizes).run();
        String every = "every " + r.defaultInterval().toSeconds() + " s (the default)";
        report.add(BenchRow.of("12 idle accounts", "heap per idle " + r.vendor() + " account ("
                        + r.sessionsPerAccount() + " scheduled sessions)", Figures.count(r.heapBytesPerAccount() / 1024) + " kB",
                Figures.count(r.accounts()) + " accounts added to a running app, heap after a full GC before and"
                        + " after"));
        report.add(BenchRow.of("12 idle accounts", "accounts one instance polls " + every,
                Figures.count(Math.min(r.byCpu(), r.byHeap())),
                "CPU bound " + Figures.count(r.byCpu()) + " (" + r.cores() + " cores, "
                        + Figures.millis(r.cpuMillisPerPoll()) + " CPU of the process per idle poll, its transaction"
                        + " and an embedded broker included), heap bound " + Figures.count(r.byHeap())
                        + " (half of " + Figures.megabytes(r.maxHeap()) + "); one timer thread per account; "
                        + Math.round(r.requestsPerPoll())
                        + " requests per idle poll, " + String.format(java.util.Locale.ROOT, "%.1f",
                        r.requestsPerPoll() / r.requestsPerSecondLimit()) + " s of each account's own budget of "
                        + Math.round(r.requestsPerSecondLimit()) + " requests/s")
                .against("an idle poll within its account's rate budget", r.withinBudget()));
    }

    void takeover() throws Exception {
        for (TakeoverStage.Result r : new TakeoverStage(kafka, sizes.takeoverAccounts()).run()) {
            double bound = r.signal().equals("kill -9") ? 15 : 5;
            report.add(BenchRow.of("13 takeover", "after " + r.signal() + " of one of two instances: until every"
                                    + " account it polled is polled by the other",
                            String.format(java.util.Locale.ROOT, "%.1f s", r.max()),
                            r.seconds().size() + " " + r.vendor() + " accounts moved, each (s): " + r.seconds()
                                    + "; child processes of sessionflow run, polls every 500 ms, default session"
                                    + " timeout")
                    .against("<= " + Math.round(bound) + " s", r.max() <= bound));
        }
    }

    private static String side(PeerStage.Side s) {
        return Figures.millis(s.millisPerPoll()) + " per poll (CPU of the process "
                + Figures.millis(s.cpuMillisPerPoll()) + "), " + Math.round(s.requestsPerPoll())
                + " requests per poll, published " + Figures.count(s.published());
    }
}
