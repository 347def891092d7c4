package io.sessionflow.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The latency samples keep only the newest ones, in a ring; percentiles and "last n" read the newest. */
class FeedLatencyTest {

    @Test
    void onceFullTheOldestSamplesGiveWayAndLastTakesTheNewest() {
        FeedLatency latency = new FeedLatency(4);
        long now = System.nanoTime();
        // arrivals 1..6 s ago, oldest first: samples of ~6000, 5000, ..., 1000 ms
        for (int agoSeconds = 6; agoSeconds >= 1; agoSeconds--) {
            latency.record(now - agoSeconds * 1_000_000_000L);
        }

        assertThat(latency.count()).isEqualTo(4);
        assertThat(latency.percentileMicros(100) / 1_000_000).as("6 s and 5 s ago gave way").isEqualTo(4);
        FeedLatency newest = latency.last(2);
        assertThat(newest.count()).isEqualTo(2);
        assertThat(newest.percentileMicros(0) / 1_000_000).isEqualTo(1);
        assertThat(newest.percentileMicros(100) / 1_000_000).isEqualTo(2);
        latency.clear();
        assertThat(latency.percentileMicros(50)).isEqualTo(-1);
    }
}
