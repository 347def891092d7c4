package io.sessionflow.track;

import io.sessionflow.event.Person;
import java.time.Instant;

/** One presence of a participant in a session; {@code key} is unique per session and stable across polls. */
public record ParticipantVisit(String key, Person person, Instant joinedAt, Instant leftAt) {
}
