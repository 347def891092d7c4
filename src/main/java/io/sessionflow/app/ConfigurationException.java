package io.sessionflow.app;

import java.util.List;

/** Startup stops with one line per problem, each naming the setting. */
public class ConfigurationException extends RuntimeException {
    private final List<String> problems;

    public ConfigurationException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
