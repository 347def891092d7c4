package io.sessionflow.event;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record Location(Double latitude, Double longitude, String address, String country, String city) {
}
