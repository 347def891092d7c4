package io.sessionflow.demo;

import java.util.List;

/** The simulated vendors the demo starts. */
public final class DemoVendors {
    private DemoVendors() {
    }

    public static List<DemoVendor> start() {
        return List.of(new WebinarDemo(), new SeeitDemo(), new StoryclmDemo(), new IspringDemo(), new TradernetDemo());
    }
}
