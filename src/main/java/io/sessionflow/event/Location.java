package io.sessionflow.event;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/** Where a session takes place, as far as the vendor says; written without absent fields. */
@JsonSerialize(using = EnvelopeWriter.Serializer.class)
public record Location(Double latitude, Double longitude, String address, String country, String city) {
}
