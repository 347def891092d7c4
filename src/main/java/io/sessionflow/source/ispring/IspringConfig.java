package io.sessionflow.source.ispring;

import io.sessionflow.config.AccountSettings;
import java.time.Duration;
import java.util.List;

/** One iSpring Learn account: the SOAP endpoint, the API token, and which trainings to list. */
public record IspringConfig(String url, String token, List<String> trainingIds, Duration timeout, int maxBodyBytes) {

    public IspringConfig {
        trainingIds = List.copyOf(trainingIds);
    }

    /** @throws IllegalArgumentException naming the setting when the account cannot be polled */
    public static IspringConfig from(AccountSettings s) {
        List<String> trainings = s.list("training-ids");
        if (trainings.isEmpty()) {
            throw new IllegalArgumentException(s.name("training-ids") + " is required when " + s.name("url")
                    + " is set: the API lists sessions per training");
        }
        return new IspringConfig(s.string("url"), s.required("token", "when " + s.name("url") + " is set"),
                trainings, s.pipeline().duration("sessionflow.http.timeout"),
                s.pipeline().integer("sessionflow.http.max-body-bytes"));
    }

    @Override
    public String toString() {
        return "IspringConfig[url=" + url + ", token=***, trainingIds=" + trainingIds + "]";
    }
}
