package io.sessionflow.observe;

import io.sessionflow.event.SourceAccount;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of one account running on this instance ({@code source-<system>} for account {@code default},
 * {@code source-<system>/<account>} for others): up once a poll of it was fetched and committed and none failed since;
 * details say when it last succeeded and, while failing, the error (credential-free, one line); up with
 * {@code last.partial.failure} when its last poll was committed while a part of it failed.
 * Not a liveness check: a vendor outage is not cured by restarting Sessionflow.
 */
public final class SourceHealthCheck extends AbstractHealthCheck {
    private final SourceAccount account;
    private final PollOutcomes outcomes;

    public SourceHealthCheck(SourceAccount account, PollOutcomes outcomes) {
        super("sessionflow", "source-" + account.prefix());
        this.account = account;
        this.outcomes = outcomes;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        PollOutcomes.Outcome outcome = outcomes.of(account);
        builder.detail("system", account.system().id());
        builder.detail("account", account.account());
        builder.detail("last.success", outcome.lastSuccess() == null ? "never" : outcome.lastSuccess().toString());
        if (outcome.failing()) {
            builder.detail("last.failure", outcome.lastFailure().toString());
            builder.detail("last.error", outcome.lastError());
            builder.message(account.prefix() + " polls are failing: " + outcome.lastError());
            builder.down();
        } else if (outcome.lastSuccess() == null) {
            builder.message(account.prefix() + " has not completed a poll yet");
            builder.down();
        } else {
            if (outcome.partial() != null) {
                // it delivers, so it is ready; what it could not read is retried next poll and said here
                builder.detail("last.partial.failure", outcome.partial());
                builder.message(account.prefix() + " committed its last poll, but part of it failed: "
                        + outcome.partial());
            }
            builder.up();
        }
    }
}
