package io.sessionflow.source.storyclm;

import io.sessionflow.config.AccountSettings;

/**
 * One StoryCLM account. StoryCLM's command protocol is reached through a bridge that accepts the command JSON
 * as an HTTP POST; {@code token} is optional and sent as {@code Authorization: Bearer}.
 */
public record StoryclmConfig(String url, String token) {

    public static StoryclmConfig from(AccountSettings s) {
        return new StoryclmConfig(s.string("url"), s.string("token"));
    }

    public boolean hasToken() {
        return token != null && !token.isEmpty();
    }

    @Override
    public String toString() {
        return "StoryclmConfig[url=" + url + ", token=" + (hasToken() ? "***" : "none") + "]";
    }
}
