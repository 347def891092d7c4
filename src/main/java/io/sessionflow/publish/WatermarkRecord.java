package io.sessionflow.publish;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.sessionflow.event.SourceAccount;
import java.time.Duration;
import java.time.Instant;

/**
 * The value of a {@code sessions.watermarks} record: every change of the account seen up to {@code upTo} is
 * published (committed in this record's transaction or before it). The next one is due within
 * {@code pollIntervalSeconds} while the source is up.
 *
 * @param account null for account {@code default}, as in the events
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"system", "account", "upTo", "pollIntervalSeconds"})
public record WatermarkRecord(String system, String account, Instant upTo, long pollIntervalSeconds) {

    static WatermarkRecord of(SourceAccount account, Instant upTo, Duration pollInterval) {
        return new WatermarkRecord(account.system().id(), account.inData(), upTo,
                Math.max(1, (pollInterval.toMillis() + 999) / 1000));
    }

    /** The account it is for, as the record key names it. */
    public SourceAccount source() {
        return new SourceAccount(io.sessionflow.event.SystemId.of(system),
                account == null ? SourceAccount.DEFAULT : account);
    }
}
