package io.sessionflow.event;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The one canonical session shape, the same for every system. Times are UTC instants.
 * {@code attributes} holds vendor-specific fields, sorted so the serialized bytes are stable.
 */
@JsonSerialize(using = EnvelopeWriter.Serializer.class)
public record SessionData(
        SystemId system,
        String account,
        String sessionId,
        SessionKind kind,
        SessionStatus status,
        String title,
        Instant scheduledStart,
        Instant scheduledEnd,
        Instant startedAt,
        Instant endedAt,
        Long durationSeconds,
        Person owner,
        Person user,
        Person participant,
        Location location,
        Parent parent,
        boolean inferred,
        boolean recovered,
        SortedMap<String, Object> attributes) {

    /** The class of maps this record made read-only itself; only those are shared instead of copied. */
    private static final Class<?> FROZEN = Collections.unmodifiableSortedMap(new TreeMap<>()).getClass();

    public SessionData {
        // withStatus/withMarks copy the record for every diff and every event: they share the read-only map
        // instead of copying it again
        attributes = attributes != null && attributes.getClass() == FROZEN ? attributes
                : Collections.unmodifiableSortedMap(attributes == null ? new TreeMap<>() : new TreeMap<>(attributes));
    }

    public static Builder builder(SystemId system, SessionKind kind, String sessionId) {
        return new Builder(system, kind, sessionId);
    }

    /** The same session seen through one of the system's accounts; null is account {@code default}. */
    public SessionData withAccount(String newAccount) {
        return new SessionData(system, newAccount, sessionId, kind, status, title, scheduledStart, scheduledEnd,
                startedAt, endedAt, durationSeconds, owner, user, participant, location, parent, inferred, recovered,
                attributes);
    }

    public SessionData withStatus(SessionStatus newStatus) {
        return new SessionData(
                system,
                account,
                sessionId,
                kind,
                newStatus,
                title,
                scheduledStart,
                scheduledEnd,
                startedAt,
                endedAt,
                durationSeconds,
                owner,
                user,
                participant,
                location,
                parent,
                inferred,
                recovered,
                attributes);
    }

    public SessionData withMarks(Person newParticipant, boolean isInferred, boolean isRecovered) {
        return new SessionData(system, account, sessionId, kind, status, title, scheduledStart, scheduledEnd, startedAt,
                endedAt, durationSeconds, owner, user, newParticipant, location, parent, isInferred, isRecovered,
                attributes);
    }

    /** Builds a snapshot's data field by field; mappers read better with names than with 18 positions. */
    public static final class Builder {
        private final SystemId system;
        private final SessionKind kind;
        private final String sessionId;
        private SessionStatus status;
        private String title;
        private Instant scheduledStart;
        private Instant scheduledEnd;
        private Instant startedAt;
        private Instant endedAt;
        private Long durationSeconds;
        private Person owner;
        private Person user;
        private Location location;
        private Parent parent;
        private SortedMap<String, Object> attributes = new TreeMap<>();
        /** The map went read-only into a built SessionData: a later attribute() writes to a copy. */
        private boolean handedOver;

        private Builder(SystemId system, SessionKind kind, String sessionId) {
            this.system = system;
            this.kind = kind;
            this.sessionId = sessionId;
        }

        public Builder status(SessionStatus v) { status = v; return this; }
        public Builder title(String v) { title = v; return this; }
        public Builder scheduledStart(Instant v) { scheduledStart = v; return this; }
        public Builder scheduledEnd(Instant v) { scheduledEnd = v; return this; }
        public Builder startedAt(Instant v) { startedAt = v; return this; }
        public Builder endedAt(Instant v) { endedAt = v; return this; }
        public Builder durationSeconds(Long v) { durationSeconds = v; return this; }
        public Builder owner(Person v) { owner = v; return this; }
        public Builder user(Person v) { user = v; return this; }
        public Builder location(Location v) { location = v; return this; }
        public Builder parent(Parent v) { parent = v; return this; }

        /** Skips nulls so an absent vendor field and a missing one read the same. */
        public Builder attribute(String name, Object value) {
            if (value != null) {
                if (handedOver) {
                    attributes = new TreeMap<>(attributes);
                    handedOver = false;
                }
                attributes.put(name, value);
            }
            return this;
        }

        public Builder attributes(Map<String, ?> values) {
            values.forEach(this::attribute);
            return this;
        }

        /** Hands the attribute map over read-only instead of copying it: a build per mapped record. */
        public SessionData build() {
            handedOver = true;
            return new SessionData(system, null, sessionId, kind, status, title, scheduledStart, scheduledEnd,
                    startedAt, endedAt, durationSeconds, owner, user, null, location, parent, false, false,
                    Collections.unmodifiableSortedMap(attributes));
        }
    }
}
