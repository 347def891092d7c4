package io.sessionflow.bench;

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
            String measure = "vendor records/s, " + share + " of " + Figures.count(r.sessions())
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
            boolean webinar = r.vendor().equals("webinar.ru");
            String measure = r.vendor() + " requests per poll, " + Figures.count(r.listed()) + " listed, "
                    + Figures.count(r.changed()) + " changed, " + r.live()
                    + (webinar ? " live" : " open older than the list window");
            String allowed = webinar ? "pages + 2 per live + 1 per changed" : "pages + 1 per open older session";
            String result = Math.round(r.requestsPerPoll()) + " requests, " + Figures.millis(r.secondsPerPoll() * 1000)
                    + " per poll";
            String limit = " at the default limit of " + Math.round(r.requestsPerSecondLimit()) + " requests/s";
            String notes = webinar
                    ? Math.round(r.pages()) + " schedule pages per poll; a first poll without memory (as every poll"
                            + " before the economy) asked " + Figures.count(r.firstPollRequests()) + ", "
                            + Math.round(r.firstPollRequests() / r.requestsPerSecondLimit()) + " s" + limit
                    : Math.round(r.pages()) + " pages of the 24 h list window per poll (a listed session needs no"
                            + " other request)" + limit;
            report.add(BenchRow.of("10 request economy", measure, result, notes)
                    .against("<= " + Math.round(r.target()) + " (" + allowed + ")",
                            r.requestsPerPoll() <= r.target()));
        }
    }

    private static String side(PeerStage.Side s) {
        return Figures.millis(s.millisPerPoll()) + " per poll (CPU of the process "
                + Figures.millis(s.cpuMillisPerPoll()) + "), " + Math.round(s.requestsPerPoll())
                + " requests per poll, published " + Figures.count(s.published());
    }
}
