package io.sessionflow.publish;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.sessionflow.source.DeadLetter;
import java.time.Instant;

/** The JSON value of a {@code sessions.dlq} record: where it came from, why it failed, and the raw record. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"system", "account", "endpoint", "at", "reason", "raw"})
public record DeadLetterRecord(String system, String account, String endpoint, Instant at, String reason, String raw) {

    /** @param account null for account {@code default} */
    static DeadLetterRecord of(DeadLetter d, String account) {
        return new DeadLetterRecord(d.system().id(), account, d.endpoint(), d.at(), d.reason(), d.raw());
    }
}
