package io.sessionflow.app;

import io.sessionflow.source.SourceModules;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.Header;

/**
 * The bean that picks the target topic of the per-system fan-out example ({@code routes/examples/}): the events
 * topic plus {@code .<system>} for a system id some source module declares, nothing for any other value. The system
 * comes from a record header, which is data: only the allow-list lets it into an endpoint URI, so no value can name
 * another topic or add endpoint options ({@code ?brokers=...}).
 */
public final class PerSystemTopics {
    private final String eventsTopic;
    private final Set<String> systems;

    public PerSystemTopics(String eventsTopic) {
        this.eventsTopic = eventsTopic;
        this.systems = SourceModules.all().stream().map(m -> m.system().id()).collect(Collectors.toSet());
    }

    /** @return {@code <events topic>.<system>}, or null when no module declares that system */
    public String topicOf(@Header("sessionflow-system") String system) {
        return systems.contains(system) ? eventsTopic + "." + system : null;
    }
}
