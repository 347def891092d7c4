package io.sessionflow.demo;

import java.util.Map;

/**
 * One simulated vendor of the demo: a server on loopback, the settings that point the pipeline at it, and a
 * scenario that changes its world over time. Each source module provides its own ({@code SourceModule.demo}).
 */
public interface DemoVendor extends AutoCloseable {

    String name();

    /** Where the simulator listens, for the demo's banner. */
    String address();

    /** Settings (property keys) that point the pipeline at this simulator. */
    Map<String, String> settings();

    Scenario scenario();

    @Override
    void close();
}
