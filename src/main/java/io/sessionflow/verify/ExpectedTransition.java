package io.sessionflow.verify;

import io.sessionflow.event.SessionEvent;

/**
 * One transition a consumer must see exactly once: a line of the expected file, e.g.
 * {@code {"key":"webinar:6784","type":"participant.joined","participant":"274"}}; the type with or without the
 * {@code sessionflow.} prefix.
 */
public record ExpectedTransition(String key, String type, String participant) {

    public static ExpectedTransition of(SessionEvent e) {
        return new ExpectedTransition(e.kafkaKey(), e.type().type(),
                e.data().participant() == null ? null : e.data().participant().id());
    }

    /** As a person reads it: {@code webinar:6784 participant.joined (participant 274)}. */
    public String text() {
        String shortType = type.startsWith("sessionflow.") ? type.substring("sessionflow.".length()) : type;
        return key + " " + shortType + (participant == null ? "" : " (participant " + participant + ")");
    }
}
