package io.sessionflow.source;

import java.util.List;

/**
 * A module's route file (relative to the routes folder, or packaged under {@code routes/}) and the ids of the route
 * templates in it. Each template runs once per account with the parameters {@code account} (a name unique to the
 * account, for endpoint names), {@code source} (the account's bean) and {@code interval} (milliseconds), plus the
 * bean's own {@link AccountSource#routeParameters()}.
 */
public record SourceRoutes(String file, List<String> templates) {

    public SourceRoutes {
        templates = List.copyOf(templates);
    }

    public static SourceRoutes of(String file, String... templates) {
        return new SourceRoutes(file, List.of(templates));
    }
}
