package io.sessionflow.demo;

import io.sessionflow.app.SessionflowApp;
import io.sessionflow.config.Settings;
import io.sessionflow.config.SettingType;
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

    public static void main(String[] args) throws Exception {
        Duration duration = durationArg(args);
        Clock clock = Clock.systemUTC();
        List<DemoVendor> vendors = io.sessionflow.source.SourceModules.all().stream()
                .map(io.sessionflow.source.SourceModule::demo).toList();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        try {
            Map<String, String> overrides = new LinkedHashMap<>();
            vendors.forEach(v -> overrides.putAll(v.settings()));
            int observePort = Settings.fromEnvironment().integer("sessionflow.observe.port");
            if (observePort > 0) {
                // like the broker: a busy 8081 must not stop a newcomer's demo
                observePort = io.sessionflow.app.KafkaConnection.portOrFree(observePort);
                overrides.put("sessionflow.observe.port", String.valueOf(observePort == 0
                        ? io.sessionflow.kafka.EmbeddedKafka.freePort() : observePort));
            }
            Settings settings = Settings.fromEnvironment().with(overrides);
            List<Scenario> scenarios = vendors.stream().map(DemoVendor::scenario).toList();
            try (SessionflowApp app = SessionflowApp.create(settings, clock)) {
                System.out.println("Kafka: " + app.kafka().bootstrapServers() + (app.kafka().isEmbedded()
                        ? " (embedded, data in " + settings.string("sessionflow.kafka.embedded.data-dir") + ")" : ""));
                vendors.forEach(v -> System.out.println(v.name() + " simulator: " + v.address()));
                if (settings.integer("sessionflow.observe.port") > 0) {
                    System.out.println("health and metrics: http://" + settings.string("sessionflow.observe.host") + ":"
                            + settings.integer("sessionflow.observe.port") + "/observe/health, /observe/metrics");
                }
                try (EventPrinter printer = new EventPrinter(app.kafka().bootstrapServers(),
                        app.kafka().topics().events(), System.out)) {
                    scenarios.forEach(s -> s.tick(clock.instant()));
                    ticker.scheduleAtFixedRate(() -> scenarios.forEach(s -> s.tick(clock.instant())),
                            1500, 1500, TimeUnit.MILLISECONDS);
                    app.start();
                    System.out.println("events on topic " + app.kafka().topics().events() + " (Ctrl-C stops):");
                    awaitEnd(duration);
                    System.out.println("demo finished: " + printer.printed() + " events printed");
                }
            }
        } finally {
            ticker.shutdownNow();
            vendors.forEach(DemoVendor::close);
        }
    }

    private static void awaitEnd(Duration duration) throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
        if (duration == null) {
            stop.await();
        } else {
            stop.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static Duration durationArg(String[] args) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--duration")) {
                Duration d = SettingType.parseDurationText(args[i + 1]);
                if (d == null) {
                    throw new IllegalArgumentException("--duration '" + args[i + 1] + "' is not a duration like 30s");
                }
                return d;
            }
        }
        return null;
    }
}
