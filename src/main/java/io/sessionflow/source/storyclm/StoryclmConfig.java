package io.sessionflow.source.storyclm;

import io.sessionflow.config.Settings;
import java.time.Duration;

/**
 * StoryCLM settings. StoryCLM's command protocol is reached through a bridge that accepts the command JSON
 * as an HTTP POST; {@code token} is optional and sent as {@code Authorization: Bearer}.
 */
public record StoryclmConfig(String url, String token, Duration pollInterval) {

    public static StoryclmConfig from(Settings s) {
        return new StoryclmConfig(s.string("sessionflow.storyclm.url"), s.string("sessionflow.storyclm.token"),
                s.duration("sessionflow.storyclm.poll-interval"));
    }

    public boolean hasToken() {
        return token != null && !token.isEmpty();
    }

    @Override
    public String toString() {
        return "StoryclmConfig[url=" + url + ", token=" + (hasToken() ? "***" : "none") + "]";
    }
}
