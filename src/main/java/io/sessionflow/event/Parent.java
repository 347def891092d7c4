package io.sessionflow.event;

/** What a session belongs to at the vendor: a webinar event series, a training, a presentation. */
public record Parent(String type, String id) {
}
