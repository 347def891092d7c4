package io.sessionflow.event;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Someone a session belongs to or who takes part in it; each vendor fills what it knows. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Person(String id, String name, String email, String login, String role) {

    public static Person named(String name) {
        return new Person(null, name, null, null, null);
    }

    public static Person email(String email) {
        return new Person(null, null, email, null, null);
    }
}
