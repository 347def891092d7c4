package io.sessionflow.bench;

import io.sessionflow.kafka.EmbeddedKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * {@code bench [--quick] [--bootstrap host:port] [--out BENCHMARKS.md | --out -] [--only stage]}: every benchmark stage in
 * one run against a real broker (a fresh embedded one in a temp directory unless --bootstrap), the table on
 * stdout and into the output file.
 */
public final class BenchCommand {
    private BenchCommand() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        String bootstrap = null;
        String out = "BENCHMARKS.md";
        java.util.Set<String> only = new java.util.HashSet<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--bootstrap" -> bootstrap = value(args, ++i, "--bootstrap");
                case "--out" -> out = value(args, ++i, "--out");
                case "--only" -> only.add(value(args, ++i, "--only"));
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
            }
        }
        BenchReport report = run(bootstrap, quick ? BenchSizes.quick() : BenchSizes.full(),
                "bench " + String.join(" ", args), only);
        System.out.println(report.markdown());
        if (!out.equals("-")) {
            report.writeInto(Path.of(out));
            System.err.println("bench: table written to " + out);
        }
        boolean failed = report.rows().stream().anyMatch(r -> r.measure().equals("failed"));
        System.exit(failed ? 1 : 0);
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

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
