package io.sessionflow.bench;

import io.sessionflow.config.Settings;
import io.sessionflow.source.AccountContext;
import io.sessionflow.source.PollBatch;
import io.sessionflow.source.SnapshotPoller;
import io.sessionflow.source.SourceModule;
import io.sessionflow.source.seeit.SeeitModule;
import io.sessionflow.source.seeit.SeeitSimulator;
import io.sessionflow.source.seeit.SeeitWorld;
import io.sessionflow.source.webinar.WebinarModule;
import io.sessionflow.source.webinar.WebinarSimulator;
import io.sessionflow.source.webinar.WebinarWorld;
import io.sessionflow.track.InMemoryKnownSessions;
import io.sessionflow.track.SessionTracker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Vendor request economy at steady state: the real source over camel-http, at the default rate limit, against a
 * simulator that counts requests. The first poll (no memory yet) is what every poll cost before the economy; it
 * runs without the rate limit, the measured polls with the default one. Publishing is left out (the tracker
 * commits as the publisher would after Kafka's acknowledgement): the row is about the vendor's budget.
 */
final class EconomyStage {
    private static final String TOKEN = "bench-token";
    private final PerfSizes sizes;

    /**
     * @param firstPollRequests what a poll without memory asks, as every poll did before
     * @param pages             schedule or list pages per measured poll
     * @param target            the requests the issue allows per poll
     */
    record Result(String vendor, int listed, int changed, int live, int firstPollRequests, double requestsPerPoll,
                  double pages, double target, double secondsPerPoll, double requestsPerSecondLimit) {
    }

    EconomyStage(PerfSizes sizes) {
        this.sizes = sizes;
    }

    List<Result> run() throws Exception {
        return List.of(webinar(), seeit());
    }

    /** Sessions two per event a day ahead; the live ones in events of their own, at the end of the list. */
    private Result webinar() throws Exception {
        int listed = sizes.economySessions();
        int live = sizes.economyLive();
        int changed = sizes.economyChanged();
        WebinarWorld world = new WebinarWorld();
        Instant now = Instant.now();
        for (int i = 0; i < listed; i++) {
            WebinarWorld.Session s =
                    world.schedule("Webinar " + i, now.minusSeconds(3600), now.plus(Duration.ofDays(1)));
            if (i >= listed - 2 * live && i % 2 == 0) {
                world.start(s.id, now.minusSeconds(600));
                world.join(s.id, new WebinarWorld.User(String.valueOf(1000 + i), "Visitor", String.valueOf(i), null),
                        now);
            }
        }
        Renamer renamer = new Renamer(world, changed);
        try (WebinarSimulator simulator = new WebinarSimulator(world, TOKEN)) {
            Map<String, String> given = Map.of("sessionflow.webinar.base-url", simulator.baseUrl(),
                    "sessionflow.webinar.token", TOKEN);
            Counts counts = measure(new WebinarModule(), given, renamer, simulator::requestCount,
                    () -> (int) simulator.server().requestPaths().stream()
                            .filter(p -> p.contains("/organization/events/schedule")).count());
            return counts.result("webinar.ru", listed, changed, live, 2.0 * live + changed);
        }
    }

    /**
     * Sessions created within the list window (look-back 24 h, the default), ten started before each poll; the open
     * ones older than the window are known from a first poll that reached back further.
     */
    private Result seeit() throws Exception {
        int listed = sizes.economySessions();
        int old = sizes.economyLive();
        int changed = sizes.economyChanged();
        SeeitWorld world = new SeeitWorld();
        Instant now = Instant.now();
        for (int i = 0; i < old; i++) {
            world.start(world.create("old@example.org", now.minus(Duration.ofHours(30))).uuid,
                    now.minus(Duration.ofHours(29)));
        }
        List<SeeitWorld.Session> recent = new java.util.ArrayList<>();
        for (int i = 0; i < listed; i++) {
            recent.add(world.create("tech@example.org", now.minus(Duration.ofHours(1))));
        }
        Runnable starts = new Runnable() {
            private int next;

            @Override
            public void run() {
                for (int i = 0; i < changed; i++) {
                    world.start(recent.get(next++ % recent.size()).uuid, Instant.now());
                }
            }
        };
        try (SeeitSimulator simulator = new SeeitSimulator(world, TOKEN)) {
            Map<String, String> given = Map.of("sessionflow.seeit.base-url", simulator.baseUrl(),
                    "sessionflow.seeit.token", TOKEN, "sessionflow.seeit.look-back", "48h");
            Counts counts = measure(new SeeitModule(), given, starts, simulator::requestCount,
                    () -> (int) simulator.served().stream().filter(p -> p.startsWith("list")).count());
            return counts.result("Seeit", listed, changed, old, old);
        }
    }

    /** Requests and wall time per measured poll. */
    private record Counts(int first, double requests, double pages, double seconds, double limit) {
        Result result(String vendor, int listed, int changed, int live, double perSession) {
            return new Result(vendor, listed, changed, live, first, requests, pages, pages + perSession, seconds,
                    limit);
        }
    }

    /**
     * @param first settings of the first poll, without a rate limit; the measured polls take the module's defaults
     *              for what they leave out (a Seeit look-back given here is the first poll's only)
     */
    private Counts measure(SourceModule module, Map<String, String> first, Runnable change,
                           Supplier<Integer> requests, Supplier<Integer> pages) throws Exception {
        SessionTracker tracker = new SessionTracker(new InMemoryKnownSessions());
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.start();
            Map<String, String> unlimited = new HashMap<>(first);
            unlimited.put("sessionflow.http.requests-per-second", "0");
            int before = requests.get();
            commit(tracker, poller(module, unlimited, tracker, camel).poll());
            int firstPoll = requests.get() - before;
            Map<String, String> steady = new HashMap<>(first);
            steady.remove("sessionflow.seeit.look-back");
            SnapshotPoller<?> poller = poller(module, steady, tracker, camel);
            Settings settings = Settings.from(Map.of(), new Properties(), steady);
            double limit = Double.parseDouble(settings.string("sessionflow.http.requests-per-second"));
            // one unmeasured poll: the first one's memory is committed, this one reaches the steady state
            change.run();
            commit(tracker, poller.poll());
            int requestsBefore = requests.get();
            int pagesBefore = pages.get();
            long nanos = 0;
            for (int i = 0; i < sizes.economyPolls(); i++) {
                change.run();
                long start = System.nanoTime();
                PollBatch batch = poller.poll();
                nanos += System.nanoTime() - start;
                commit(tracker, batch);
            }
            int polls = sizes.economyPolls();
            return new Counts(firstPoll, (double) (requests.get() - requestsBefore) / polls,
                    (double) (pages.get() - pagesBefore) / polls, nanos / 1e9 / polls, limit);
        }
    }

    private static SnapshotPoller<?> poller(SourceModule module, Map<String, String> given, SessionTracker tracker,
                                            CamelContext camel) {
        Settings settings = Settings.from(Map.of(), new Properties(), given);
        return (SnapshotPoller<?>) module.createSource(AccountContext.of(module.defaultAccount(settings), tracker,
                Clock.systemUTC(), camel.createProducerTemplate()));
    }

    private static void commit(SessionTracker tracker, PollBatch batch) {
        tracker.commit(batch.system(), batch.transitions(), batch.polledAt());
    }
}
