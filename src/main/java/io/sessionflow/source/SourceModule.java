package io.sessionflow.source;

import io.sessionflow.config.Settings;
import io.sessionflow.event.SystemId;
import java.time.Duration;
import java.util.List;

/**
 * One vendor system: its route file (routes/sources/...) calls the bean {@link #beanName()}. A new vendor is
 * one package with a module, one route file and one fixtures folder.
 */
public interface SourceModule {

    SystemId system();

    /** Enabled in {@code run} mode when its base URL (or equivalent) is configured. */
    boolean enabled(Settings settings);

    Duration pollInterval(Settings settings);

    /**
     * Problems with this source's settings when it is enabled, one line each naming the variable. By default the
     * checks a module makes while reading its configuration ({@link #pollInterval}), so they stop startup as
     * configuration lines before Kafka is touched, not later as an exception.
     */
    default List<String> problems(Settings settings) {
        try {
            pollInterval(settings);
            return List.of();
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage());
        }
    }

    /**
     * How long after a session ended or was deleted this source's polls can still list it (its poll window), so
     * the tracker forgets it no earlier; a forgotten session listed again would be published as new.
     */
    default Duration listedAfterClose(Settings settings) {
        return Duration.ZERO;
    }

    /** The bean the route calls: a poller with {@code poll()} returning a {@link PollBatch}. */
    Object createBean(SourceContext context);

    default String beanName() {
        return system().id() + "Source";
    }
}
