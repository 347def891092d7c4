package io.sessionflow.demo;

import java.util.List;

/** The simulated vendors the demo starts. */
public final class DemoVendors {
    private DemoVendors() {
    }

    /**
     * Every start simulates a new world: session ids begin at a base taken from the clock, so a second demo on
     * kept data shows new sessions instead of changes to the previous run's (whose open sessions it closes).
     */
    public static List<DemoVendor> start() {
        // below 10^9: webinar.ru ids are ints; a run rarely makes 1000 sessions, so runs do not overlap
        long idBase = java.time.Instant.now().getEpochSecond() % 1_000_000L * 1000;
        return List.of(new WebinarDemo(idBase), new SeeitDemo(idBase), new StoryclmDemo(idBase),
                new IspringDemo(idBase), new TradernetDemo(idBase));
    }
}
