package io.sessionflow.bench;

import io.sessionflow.source.SourceModule;
import io.sessionflow.source.SourceModules;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * All stages against one broker, in one run, into one table. Ratios compare figures of this same run only:
 * on a shared machine, figures from different runs are not comparable.
 */
final class Bench {
    /** Raw producer and pipeline alternate this many times; the best of each counts, damping neighbours' noise. */
    private static final int ROUNDS = 2;
    private final BenchKafka kafka;
    private final BenchSizes sizes;
    private final BenchReport report;
    /**
     * Stage names to run (throughput, http, mapping, scaling, latency, replay, churn, peer, economy, accounts,
     * idle, takeover, startup); empty runs all, for profiling one.
     */
    private final java.util.Set<String> only;

    Bench(String bootstrap, BenchSizes sizes, BenchReport report, java.util.Set<String> only) {
        this.kafka = new BenchKafka(bootstrap);
        this.sizes = sizes;
        this.report = report;
        this.only = only;
    }

    private boolean wanted(String stage) {
        return only.isEmpty() || only.contains(stage);
    }

    /** @return whether every stage ran */
    boolean run() {
        boolean ok = true;
        String eventsTopic = null;
        try {
            eventsTopic = wanted("throughput") || wanted("replay") ? throughput() : null;
        } catch (Exception e) {
            ok = failed("1-2 throughput", e);
        }
        try {
            if (wanted("http")) {
                httpPipeline();
            }
        } catch (Exception e) {
            ok = failed("2b pipeline over HTTP", e);
        }
        try {
            if (wanted("mapping")) {
                mapping();
            }
        } catch (Exception e) {
            ok = failed("3 mapping + diff (JMH)", e);
        }
        try {
            if (wanted("scaling")) {
                scaling();
            }
        } catch (Exception e) {
            ok = failed("4 scaling", e);
        }
        try {
            if (wanted("latency")) {
                feedLatency();
            }
        } catch (Exception e) {
            ok = failed("5 feed latency", e);
        }
        try {
            if (eventsTopic != null && wanted("replay")) {
                replay(eventsTopic);
            }
        } catch (Exception e) {
            ok = failed("6 replay", e);
        }
        try {
            if (wanted("churn")) {
                churn();
            }
        } catch (Exception e) {
            ok = failed("8 churn", e);
        }
        PerfRows perf = new PerfRows(kafka, sizes, report);
        try {
            if (wanted("peer")) {
                perf.peer();
            }
        } catch (Exception e) {
            ok = failed("9 peer", e);
        }
        try {
            if (wanted("economy")) {
                perf.economy();
            }
        } catch (Exception e) {
            ok = failed("10 request economy", e);
        }
        try {
            if (wanted("accounts")) {
                perf.accounts();
            }
        } catch (Exception e) {
            ok = failed("11 accounts in parallel", e);
        }
        try {
            if (wanted("idle")) {
                perf.idleAccounts();
            }
        } catch (Exception e) {
            ok = failed("12 idle accounts", e);
        }
        try {
            if (sizes.startupProbe() && wanted("takeover")) {
                perf.takeover();
            }
        } catch (Exception e) {
            ok = failed("13 takeover", e);
        }
        try {
            if (sizes.startupProbe() && wanted("startup")) {
                startup();
            }
        } catch (Exception e) {
            ok = failed("7 startup", e);
        }
        return ok;
    }

    private String throughput() {
        log("raw producer limit and pipeline end to end");
        PipelineStage pipeline = new PipelineStage(kafka, sizes);
        List<ProducerRecord<String, byte[]>> serialized = pipeline.sameEventsSerialized();
        List<ProducerRecord<String, byte[]>> allRecords = pipeline.sameRecordsSerialized();
        int recordsPerPoll = allRecords.size() / sizes.pipelinePolls();
        RawProducerStage raw = new RawProducerStage(kafka);
        double bestRaw = 0;
        double bestRawAll = 0;
        PipelineStage.Result best = null;
        for (int round = 0; round < ROUNDS; round++) {
            bestRaw = Math.max(bestRaw, raw.run(serialized, sizes.changedPerPoll()));
            bestRawAll = Math.max(bestRawAll, raw.run(allRecords, recordsPerPoll));
            PipelineStage.Result r = pipeline.run();
            best = best == null || r.eventsPerSecond() > best.eventsPerSecond() ? r : best;
        }
        double avgBytes = serialized.stream().mapToInt(r -> r.value().length).average().orElse(0);
        report.add(BenchRow.of("1 limit", "raw transactional KafkaProducer, pre-serialized events",
                Figures.perSecond(bestRaw), Figures.count(serialized.size()) + " records of "
                        + Math.round(avgBytes) + " B avg, " + Figures.count(sizes.changedPerPoll())
                        + " per transaction, best of " + ROUNDS));
        report.add(BenchRow.of("1b limit, like for like", "raw transactional KafkaProducer, the pipeline's records",
                Figures.perSecond(bestRawAll), Figures.count(allRecords.size()) + " records (events + state records "
                        + "+ cursor, as the pipeline writes them, to one topic), " + Figures.count(recordsPerPoll)
                        + " per transaction, best of " + ROUNDS));
        double ratio = best.eventsPerSecond() / bestRaw;
        report.add(BenchRow.of("2 pipeline", "in-memory vendor -> map -> diff -> transactional publish",
                Figures.perSecond(best.eventsPerSecond()) + " (" + Figures.ratio(ratio) + " of limit)",
                Figures.count(sizes.pipelineSessions()) + " sessions, " + Figures.count(sizes.changedPerPoll())
                        + " changed per poll, " + sizes.pipelinePolls() + " polls; with state records "
                        + Figures.perSecond(best.kafkaRecordsPerSecond()) + " on Kafka ("
                        + Figures.ratio(best.kafkaRecordsPerSecond() / bestRawAll) + " of 1b)")
                .against(">= 50% of limit", ratio >= 0.5));
        return best.topics().events();
    }

    private void httpPipeline() throws Exception {
        log("pipeline over HTTP");
        HttpPipelineStage.Result r = new HttpPipelineStage(kafka, sizes).run();
        report.add(BenchRow.of("2b pipeline over HTTP", r.vendor() + " simulator on loopback -> ... -> publish",
                Figures.perSecond(r.eventsPerSecond()), sizes.httpSessions() + " sessions all changed per poll: "
                        + Figures.millis(r.millisPerPoll()) + " per poll, " + Math.round(r.requestsPerPoll())
                        + " HTTP requests per poll (rate limit off; at the default 20/s a poll needs "
                        + Math.round(r.requestsPerPoll() / 20) + " s)"));
    }

    private void mapping() throws Exception {
        log("mapping + diff per system (JMH)");
        for (Map.Entry<String, Double> e : new MappingStage(sizes).run().entrySet()) {
            report.add(BenchRow.of("3 mapping + diff", e.getKey(), Figures.perSecond(e.getValue()),
                    "one thread, parsed record -> snapshot -> tracker diff (unchanged session)")
                    .against(">= 200k/s per core", e.getValue() >= 200_000));
        }
    }

    private void scaling() {
        log("scaling: one poll over many tracked sessions, 1% changed");
        for (ScalingStage.Result r : new ScalingStage(sizes).run()) {
            BenchRow row = BenchRow.of(
                    "4 scaling",
                    Figures.count(r.sessions()) + " sessions, 1% changed",
                    Figures.millis(r.medianMillis()) + " per poll",
                    "max " + Figures.millis(r.maxMillis()) + ", median CPU "
                            + Figures.millis(r.medianCpuMillis()) + ", " + r.eventsPerPoll() + " events; heap after GC "
                            + Figures.megabytes(r.heapBytes())
                            + " (tracker " + Figures.megabytes(r.trackerBytes()) + ", rest the simulated vendor)");
            report.add(r.sessions() == 100_000
                    ? row.against("< 200 ms, heap < 512 MB", r.medianMillis() < 200 && r.heapBytes() < 512L << 20)
                    : row);
        }
    }

    private void feedLatency() throws Exception {
        for (SourceModule module : SourceModules.all()) {
            if (module.benchFeed().isPresent()) {
                log("feed latency: " + module.title() + " feed message -> Kafka ack");
                for (int rate : sizes.feedRates()) {
                    feedLatency(new FeedLatencyStage(kafka, module).run(rate, sizes.feedLength()));
                }
            }
        }
        log("transaction floor: one bare transaction per feed message's records");
        TransactionFloorStage.Result floor = new TransactionFloorStage(kafka)
                .run((int) Math.min(500, sizes.feedLength().toMillis() / 10));
        report.add(BenchRow.of(
                "5b transaction floor",
                "bare transaction of one feed message's records, p50 / p99 / p999",
                Figures.millis(floor.p50()) + " / " + Figures.millis(floor.p99()) + " / "
                        + Figures.millis(floor.p999()),
                Figures.count(floor.transactions()) + " transactions one at a time, raw + event + state record "
                        + "(three topics), the pipeline's producer settings, nothing else running: the least a feed "
                        + "message can take"));
    }

    private void feedLatency(FeedLatencyStage.Result r) {
        BenchRow row = BenchRow.of("5 feed latency", r.vendor() + " feed message -> Kafka ack p50 / p99 / p999 at "
                        + r.messagesPerSecond() + " msg/s",
                Figures.millis(r.p50()) + " / " + Figures.millis(r.p99()) + " / " + Figures.millis(r.p999()),
                r.measured() + " of " + r.sent() + " messages published (" + Figures.perSecond(r.achievedPerSecond())
                        + " achieved) in " + Figures.count(r.transactions()) + " Kafka transactions (group commit), "
                        + "real app over the simulated feed");
        report.add(r.messagesPerSecond() == 1000
                ? row.against("p99 < 25 ms at 1k msg/s", r.p99() < 25 && r.measured() >= r.sent() * 0.99) : row);
    }

    private void replay(String eventsTopic) {
        log("replay");
        ReplayStage.Result r = new ReplayStage(kafka.bootstrap()).run(eventsTopic);
        double ratio = r.replayPerSecond() / r.rawPerSecond();
        report.add(BenchRow.of("6 replay", "replay package, whole range, counting sink",
                Figures.perSecond(r.replayPerSecond()) + " (" + Figures.ratio(ratio) + " of raw consumer)",
                Figures.count(r.replayed()) + " events; raw read_committed consumer "
                        + Figures.perSecond(r.rawPerSecond()) + " over " + Figures.count(r.rawRead())
                        + "; raw consumers one per partition at once (as replay fetches) "
                        + Figures.perSecond(r.rawPerPartitionPerSecond()) + " ("
                        + Figures.ratio(r.replayPerSecond() / r.rawPerPartitionPerSecond()) + ")")
                .against(">= 80% of raw consumer", ratio >= 0.8));
    }

    private void churn() {
        log("churn: sessions start and end day after day, closed ones forgotten");
        List<ChurnStage.Sample> samples = new ChurnStage(kafka, sizes).run();
        StringBuilder value = new StringBuilder();
        for (ChurnStage.Sample s : samples) {
            value.append(value.length() == 0 ? "" : "; ").append("day ").append(s.day()).append(": ")
                    .append(Figures.count(s.tracked())).append(" / ").append(Figures.megabytes(s.heapBytes()))
                    .append(" / ").append(Figures.count(s.stateKeys())).append(" keys ")
                    .append(Figures.megabytes(s.stateBytes()));
        }
        ChurnStage.Sample middle = samples.get(samples.size() - 2);
        ChurnStage.Sample last = samples.get(samples.size() - 1);
        boolean flat = last.tracked() <= middle.tracked() * 1.1 && last.stateKeys() <= middle.stateKeys() * 1.1
                && last.heapBytes() <= middle.heapBytes() * 1.25;
        report.add(BenchRow.of("8 churn", "tracked sessions / heap after GC / state topic compacted, over "
                        + sizes.churnDays() + " days", value.toString(),
                Figures.count(sizes.churnPerDay()) + " sessions start and " + Figures.count(sizes.churnPerDay())
                        + " end per daily poll (" + Figures.count((long) sizes.churnPerDay() * sizes.churnDays())
                        + " in all), forgotten " + sizes.churnForgetDays() + " d after they end; compacted = latest "
                        + "record per key, what a restore reads (the log itself shrinks to it as the broker compacts: "
                        + Figures.count(last.stateRecords()) + " records uncompacted at the end)")
                .against("flat: last sample within 10% (heap 25%) of the one before", flat));
    }

    private void startup() throws Exception {
        log("startup of `sessionflow run` in its own JVM");
        StartupStage.Result r = new StartupStage(kafka, sizes.steadyStateWait()).run();
        report.add(BenchRow.of("7 startup", "process start -> first event committed",
                Figures.millis(r.millisToFirstEvent()), "new JVM, external (bench) broker, "
                        + BenchModules.endToEnd().title() + " simulator"));
        report.add(BenchRow.of("7 steady state", "RSS / used heap after " + sizes.steadyStateWait().toSeconds()
                        + " s polling", Figures.megabytes(r.rssBytes()) + " / " + Figures.megabytes(r.heapUsedBytes()),
                "default JVM flags; heap as reported by jcmd GC.heap_info"));
    }

    private boolean failed(String stage, Exception e) {
        report.add(BenchRow.of(stage, "failed", "-", e.getClass().getSimpleName() + ": " + e.getMessage()));
        e.printStackTrace();
        return false;
    }

    private static void log(String what) {
        System.err.println("bench: " + what + " ...");
    }
}
