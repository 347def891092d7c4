package io.sessionflow.bench;

import io.sessionflow.demo.SimulatedHttpServer;
import io.sessionflow.kafka.Topics;
import io.sessionflow.source.BenchListing;
import io.sessionflow.source.SourceModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Takeover as issue 12 defines it, between processes: two instances of {@code sessionflow run} in one cluster
 * poll accounts of the listing module ({@link BenchModules#listing}), each against a simulator of its own, which
 * sees who asked by the User-Agent; the one polling more accounts is killed ({@code kill -9}, then in a second round
 * SIGTERM), and the stage times, for each of its accounts, how long until the other instance polled it.
 */
final class TakeoverStage {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private final BenchKafka kafka;
    private final int accounts;
    private final SourceModule module = BenchModules.listing();

    /** @param seconds per account of the victim, from the signal until another instance polled it */
    record Result(String vendor, String signal, List<Double> seconds) {
        double max() {
            return seconds.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        }
    }

    TakeoverStage(BenchKafka kafka, int accounts) {
        this.kafka = kafka;
        this.accounts = accounts;
    }

    List<Result> run() throws Exception {
        Topics topics = kafka.freshTopics("takeover");
        String cluster = topics.events().substring(0, topics.events().lastIndexOf('.'));
        Map<String, BenchListing> simulators = new LinkedHashMap<>();
        Map<String, Process> instances = new LinkedHashMap<>();
        try {
            for (int i = 0; i < accounts; i++) {
                simulators.put(i == 0 ? "default" : "t" + i, module.benchListing().orElseThrow().start(1));
            }
            instances.put("i1", start("i1", cluster, topics, simulators.get("default")));
            instances.put("i2", start("i2", cluster, topics, simulators.get("default")));
            for (Map.Entry<String, BenchListing> e : simulators.entrySet()) {
                if (!e.getKey().equals("default")) {
                    BenchApp.addAccount(kafka, cluster, topics, module, e.getKey(), polledEvery500ms(e.getValue()));
                }
            }
            List<Result> results = new ArrayList<>();
            results.add(takeover("kill -9", simulators, instances, Process::destroyForcibly));
            instances.put("i3", start("i3", cluster, topics, simulators.get("default")));
            results.add(takeover("SIGTERM", simulators, instances, Process::destroy));
            return results;
        } finally {
            for (Process p : instances.values()) {
                p.destroyForcibly();
            }
            simulators.values().forEach(BenchListing::close);
        }
    }

    private Result takeover(String signal, Map<String, BenchListing> simulators, Map<String, Process> instances,
                            java.util.function.Consumer<Process> blow) throws Exception {
        Map<String, String> owners = stableOwners(simulators, instances);
        Map<String, Long> counts = new HashMap<>();
        owners.values().forEach(o -> counts.merge(o, 1L, Long::sum));
        String victim = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        List<String> its = owners.entrySet().stream().filter(e -> e.getValue().equals(victim))
                .map(Map.Entry::getKey).toList();
        Instant at = Instant.now();
        blow.accept(instances.remove(victim));
        List<Double> seconds = new ArrayList<>();
        for (String account : its) {
            Instant first = await(() -> requests(simulators.get(account)).stream()
                    .filter(r -> r.at().isAfter(at) && !victim.equals(instanceOf(r))).map(SimulatedHttpServer.Seen::at)
                    .findFirst().orElse(null), "another instance to poll " + account + " after " + signal);
            seconds.add(Duration.between(at, first).toMillis() / 1000.0);
        }
        return new Result(module.title(), signal, seconds);
    }

    /**
     * Which instance polls each account, once every account was polled within the last second by exactly one of the
     * running instances and each of them polls some, the same for three seconds in a row (the group has settled
     * after a join).
     */
    private Map<String, String> stableOwners(Map<String, BenchListing> simulators,
                                             Map<String, Process> instances) throws Exception {
        Map<String, String> last = null;
        Instant since = Instant.now();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(500);
            Instant window = Instant.now().minusSeconds(1);
            Map<String, String> owners = new LinkedHashMap<>();
            for (Map.Entry<String, BenchListing> e : simulators.entrySet()) {
                List<String> agents = requests(e.getValue()).stream().filter(r -> r.at().isAfter(window))
                        .map(TakeoverStage::instanceOf).distinct().toList();
                owners.put(e.getKey(), agents.size() == 1 && instances.containsKey(agents.get(0)) ? agents.get(0)
                        : null);
            }
            // every running instance owns an account: one still starting would make the victim's accounts wait for it
            boolean settled = !owners.containsValue(null) && owners.values().containsAll(instances.keySet());
            if (!settled || !owners.equals(last)) {
                last = settled ? owners : null;
                since = Instant.now();
            } else if (Duration.between(since, Instant.now()).toSeconds() >= 3) {
                return owners;
            }
        }
        throw new IllegalStateException("the instances never settled on one owner per account: " + last);
    }

    private static List<SimulatedHttpServer.Seen> requests(BenchListing simulator) {
        return simulator.requests();
    }

    /** The listing's account settings, polled every 500 ms. */
    private Map<String, String> polledEvery500ms(BenchListing simulator) {
        Map<String, String> account = new LinkedHashMap<>(simulator.settings());
        account.put(BenchModules.pollSetting(module), "500ms");
        return account;
    }

    /** {@code Sessionflow (i1)} names instance i1. */
    private static String instanceOf(SimulatedHttpServer.Seen request) {
        String agent = Objects.requireNonNullElse(request.agent(), "");
        int open = agent.indexOf('(');
        return open < 0 ? agent : agent.substring(open + 1, agent.indexOf(')', open));
    }

    private Process start(String instance, String cluster, Topics topics, BenchListing defaults)
            throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("-Dsessionflow.kafka.bootstrap-servers=" + kafka.bootstrap());
        cmd.add("-Dsessionflow.instance-id=" + instance);
        cmd.add("-Dsessionflow.cluster=" + cluster);
        cmd.add("-Dsessionflow.topics.events=" + topics.events());
        cmd.add("-Dsessionflow.topics.raw=" + topics.raw());
        cmd.add("-Dsessionflow.topics.dlq=" + topics.dlq());
        cmd.add("-Dsessionflow.topics.state=" + topics.state());
        cmd.add("-Dsessionflow.topics.watermarks=" + topics.watermarks());
        cmd.add("-Dsessionflow.observe.port=0");
        BenchModules.asDefault(module, polledEvery500ms(defaults))
                .forEach((key, value) -> cmd.add("-D" + key + "=" + value));
        cmd.add("io.sessionflow.Sessionflow");
        cmd.add("run");
        Path log = Files.createTempFile("sessionflow-bench-" + instance, ".log");
        log.toFile().deleteOnExit();
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static <T> T await(java.util.function.Supplier<T> value, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        T v;
        while ((v = value.get()) == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited in vain for " + what);
            }
            Thread.sleep(50);
        }
        return v;
    }
}
