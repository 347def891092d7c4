package io.sessionflow.bench;

import io.sessionflow.cli.ExitCode;
import io.sessionflow.kafka.EmbeddedKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench [--quick] [--bootstrap host:port | --child-broker] [--out BENCHMARKS.md | --out -] [--only stage]}:
 * every benchmark stage in one run against a real broker (a fresh embedded one in a temp directory, a fresh one in a
 * child JVM, or --bootstrap), the table on stdout and into the output file.
 */
@Command(name = "bench", sortOptions = false, description = "Throughput, latency and memory against the raw Kafka"
        + " limit, as a table on stdout and in BENCHMARKS.md (README \"Benchmark\"); exit code 1 when a stage failed.")
public final class BenchCommand implements java.util.concurrent.Callable<Integer> {

    @Option(names = "--quick",
            description = "every stage at tiny sizes (what BenchSmokeTest runs), no timings to trust")
    boolean quick;
    @Option(names = "--bootstrap", paramLabel = "<host:port>",
            description = "an existing broker (default: a fresh embedded one in a temp folder)")
    String bootstrap;
    @Option(names = "--child-broker",
            description = "a fresh broker in a JVM of its own (this jar's KRaft node), stopped with the bench")
    boolean childBroker;
    @Option(names = "--out", paramLabel = "<file>|-",
            description = "file the table is written into (default: BENCHMARKS.md; - for none)")
    String out = "BENCHMARKS.md";
    @Option(names = "--only", paramLabel = "<stage>", description = "run only this stage (repeatable), for profiling")
    java.util.Set<String> only = new java.util.HashSet<>();

    @Override
    public Integer call() throws Exception {
        if (childBroker && bootstrap != null) {
            throw new IllegalArgumentException("choose either --bootstrap or --child-broker");
        }
        String commandLine = "bench" + (quick ? " --quick" : "") + (bootstrap != null ? " --bootstrap " + bootstrap : "")
                + (childBroker ? " --child-broker" : "") + (out.equals("BENCHMARKS.md") ? "" : " --out " + out)
                + String.join("", only.stream().map(s -> " --only " + s).toList());
        BenchSizes sizes = quick ? BenchSizes.quick() : BenchSizes.full();
        BenchReport report = childBroker ? onChildBroker(sizes, commandLine, only)
                : run(bootstrap, sizes, commandLine, only);
        System.out.println(report.markdown());
        if (!out.equals("-")) {
            report.writeInto(Path.of(out));
            System.err.println("bench: table written to " + out);
        }
        boolean failed = report.rows().stream().anyMatch(r -> r.measure().equals("failed"));
        return failed ? ExitCode.CHECK_FAILED : ExitCode.OK;
    }

    static BenchReport run(String bootstrap, BenchSizes sizes, String commandLine) throws Exception {
        return run(bootstrap, sizes, commandLine, java.util.Set.of());
    }

    static BenchReport run(String bootstrap, BenchSizes sizes, String commandLine, java.util.Set<String> only)
            throws Exception {
        // The simulators use the JDK's HttpServer, which writes headers and body apart; with Nagle on, the
        // client's delayed ACK then holds every response ~40 ms, which would be measured as our HTTP cost.
        // Read once when the server classes load, so it is set before any simulator starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        BenchReport report = new BenchReport(MachineInfo.describe());
        if (bootstrap != null) {
            io.sessionflow.kafka.KafkaClients.use(bootstrap, io.sessionflow.kafka.KafkaClientConfig.of(
                    io.sessionflow.config.Settings.fromEnvironment()));
            new Bench(bootstrap, sizes, report, only).run();
        } else {
            Path dir = Files.createTempDirectory("sessionflow-bench-kafka");
            try (EmbeddedKafka broker = new EmbeddedKafka(dir, 0).start()) {
                new Bench(broker.bootstrapServers(), sizes, report, only).run();
            } finally {
                deleteTree(dir);
            }
        }
        report.finish(MachineInfo.loadAverage(), commandLine.strip());
        return report;
    }

    static BenchReport onChildBroker(BenchSizes sizes, String commandLine, java.util.Set<String> only)
            throws Exception {
        Path dir = Files.createTempDirectory("sessionflow-bench-broker");
        try (ChildBroker broker = new ChildBroker(dir)) {
            System.err.println("bench: child broker at " + broker.bootstrap() + " (pid " + broker.pid() + ", log "
                    + broker.log() + ")");
            return run(broker.bootstrap(), sizes, commandLine, only);
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
