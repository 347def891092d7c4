package io.sessionflow.demo;

import io.sessionflow.app.KafkaConnection;
import io.sessionflow.app.SessionflowApp;
import io.sessionflow.config.RecordedSettings;
import io.sessionflow.config.Settings;
import io.sessionflow.kafka.EmbeddedKafka;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code demo}: the embedded broker, simulated vendors on loopback that change over time, the pipeline
 * pointed at them, and one printed line per published event. No setup, no credentials.
 */
public final class Demo {
    private Demo() {
    }

    /** @param duration how long to run; null: until the JVM is asked to stop (Ctrl-C) */
    public static void run(Duration duration, PrintStream out) throws Exception {
        CountDownLatch finished = new CountDownLatch(1);
        try {
            run(duration, out, finished);
        } finally {
            finished.countDown();
        }
    }

    private static void run(Duration duration, PrintStream out, CountDownLatch finished) throws Exception {
        Clock clock = Clock.systemUTC();
        // every start simulates a new world: session ids begin at a base taken from the clock, so a second demo on
        // kept data shows new sessions instead of changes to the previous run's (whose open sessions it closes);
        // below 10^9, since some vendors' ids are 32-bit ints, and a run rarely makes 1000 sessions
        long idBase = java.time.Instant.now().getEpochSecond() % 1_000_000L * 1000;
        List<DemoVendor> vendors = io.sessionflow.source.SourceModules.all().stream()
                .map(m -> m.demo(idBase)).toList();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        try {
            Map<String, String> overrides = new LinkedHashMap<>();
            vendors.forEach(v -> overrides.putAll(v.settings()));
            int observePort = Settings.fromEnvironment().integer("sessionflow.observe.port");
            if (observePort > 0) {
                // like the broker: a busy 8081 must not stop a newcomer's demo
                observePort = KafkaConnection.portOrFree(observePort);
                overrides.put("sessionflow.observe.port", String.valueOf(observePort == 0
                        ? EmbeddedKafka.freePort() : observePort));
            }
            Settings settings = Settings.fromEnvironment().with(overrides);
            List<Scenario> scenarios = vendors.stream().map(DemoVendor::scenario).toList();
            try (SessionflowApp app = SessionflowApp.create(settings, clock)) {
                if (app.kafka().embeddedDataDir() != null) {
                    // what rederive needs to read this archive as it was written (README "rederive")
                    RecordedSettings.write(RecordedSettings.besideData(app.kafka().embeddedDataDir()), overrides,
                            settings.catalog());
                }
                out.println("Kafka: " + app.kafka().bootstrapServers() + (app.kafka().isEmbedded()
                        ? " (embedded, data in " + settings.string("sessionflow.kafka.embedded.data-dir") + ")" : ""));
                vendors.forEach(v -> out.println(v.name() + " simulator: " + v.address()));
                if (settings.integer("sessionflow.observe.port") > 0) {
                    out.println("health and metrics: http://" + settings.string("sessionflow.observe.host") + ":"
                            + settings.integer("sessionflow.observe.port") + "/observe/health, /observe/metrics");
                }
                out.println("log: " + settings.string("sessionflow.log.file") + " (--verbose shows it here)");
                EventPrinter printer = new EventPrinter(
                        app.kafka().bootstrapServers(), app.kafka().topics().events(), out);
                scenarios.forEach(s -> s.tick(clock.instant()));
                ticker.scheduleAtFixedRate(() -> scenarios.forEach(s -> s.tick(clock.instant())),
                        1500, 1500, TimeUnit.MILLISECONDS);
                app.start();
                out.println("events on topic " + app.kafka().topics().events() + " (Ctrl-C stops):");
                awaitEnd(duration, finished);
                ticker.shutdownNow();
                app.stopPipeline();
                // the last committed events are printed before the closing line
                printer.close();
                out.println("demo finished: " + printer.printed() + " events printed");
            }
        } finally {
            ticker.shutdownNow();
            vendors.forEach(DemoVendor::close);
        }
    }

    /** Until the duration passes or Ctrl-C; on Ctrl-C the JVM waits for the demo to print its last events. */
    private static void awaitEnd(Duration duration, CountDownLatch finished) throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "demo-stop"));
        if (duration == null) {
            stop.await();
        } else {
            stop.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
