package io.sessionflow.source;

import io.sessionflow.event.SystemId;
import java.time.Instant;

/** A vendor record that could not be mapped: its raw text and why, so nothing is silently lost. */
public record DeadLetter(SystemId system, String endpoint, Instant at, String reason, String raw) {
}
