package io.sessionflow.event;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/** What a session belongs to at the vendor: a webinar event series, a training, a presentation. */
@JsonSerialize(using = EnvelopeWriter.Serializer.class)
public record Parent(String type, String id) {
}
