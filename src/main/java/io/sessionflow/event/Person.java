package io.sessionflow.event;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/** Someone a session belongs to or who takes part in it; each vendor fills what it knows. */
@JsonSerialize(using = EnvelopeWriter.Serializer.class)
public record Person(String id, String name, String email, String login, String role) {

    public static Person named(String name) {
        return new Person(null, name, null, null, null);
    }

    public static Person email(String email) {
        return new Person(null, null, email, null, null);
    }
}
