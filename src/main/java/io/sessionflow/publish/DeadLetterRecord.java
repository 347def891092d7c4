package io.sessionflow.publish;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.sessionflow.source.DeadLetter;
import java.time.Instant;

/** The JSON value of a {@code sessions.dlq} record: where it came from, why it failed, and the raw record. */
@JsonPropertyOrder({"system", "endpoint", "at", "reason", "raw"})
public record DeadLetterRecord(String system, String endpoint, Instant at, String reason, String raw) {

    static DeadLetterRecord of(DeadLetter d) {
        return new DeadLetterRecord(d.system().id(), d.endpoint(), d.at(), d.reason(), d.raw());
    }
}
