package io.sessionflow.source.ispring;

import io.sessionflow.config.Settings;
import java.time.Duration;
import java.util.List;

/** iSpring Learn settings: the SOAP endpoint, the API token, and which trainings to list. */
public record IspringConfig(String url, String token, List<String> trainingIds, Duration pollInterval,
                            Duration timeout, int maxBodyBytes) {

    public IspringConfig {
        trainingIds = List.copyOf(trainingIds);
    }

    /** @throws IllegalArgumentException naming the environment variable when the source cannot work */
    public static IspringConfig from(Settings s) {
        List<String> trainings = s.list("sessionflow.ispring.training-ids");
        if (trainings.isEmpty()) {
            throw new IllegalArgumentException("SESSIONFLOW_ISPRING_TRAINING_IDS is required when "
                    + "SESSIONFLOW_ISPRING_URL is set: the API lists sessions per training");
        }
        return new IspringConfig(s.string("sessionflow.ispring.url"),
                s.required("sessionflow.ispring.token", "when SESSIONFLOW_ISPRING_URL is set"),
                trainings, s.duration("sessionflow.ispring.poll-interval"), s.duration("sessionflow.http.timeout"),
                s.integer("sessionflow.http.max-body-bytes"));
    }

    @Override
    public String toString() {
        return "IspringConfig[url=" + url + ", token=***, trainingIds=" + trainingIds + "]";
    }
}
