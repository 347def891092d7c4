package io.sessionflow.source.http;

import java.time.Duration;

/** What the fault policy tells operations about each vendor call: its latency and outcome, and retries. */
public interface CallObserver {
    CallObserver NONE = new CallObserver() {
        @Override
        public void attempted(Duration took, boolean succeeded) {
        }

        @Override
        public void retrying() {
        }
    };

    /** One request sent to the vendor (a retry is one more), how long it took, whether it succeeded. */
    void attempted(Duration took, boolean succeeded);

    void retrying();
}
