package io.sessionflow.demo;

import java.time.Instant;

/** Something that changes a simulated vendor's world over time. */
public interface Scenario {
    void tick(Instant now);
}
