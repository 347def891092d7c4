package io.sessionflow.source.seeit;

import io.sessionflow.config.AccountSettings;
import java.time.Duration;

/**
 * One GoToAssist Seeit account. {@code lookBack} is how far back each poll re-reads created sessions: the list
 * filters on creation time, and a session keeps changing status after it was created.
 */
public record SeeitConfig(String baseUrl, String token, int pageSize, Duration lookBack) {

    /** @throws IllegalArgumentException naming the setting when the account cannot be polled */
    public static SeeitConfig from(AccountSettings s) {
        int pageSize = s.integer("page-size");
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException(s.name("page-size") + " " + pageSize + " must be between 1 and 1000");
        }
        Duration lookBack = s.duration("look-back");
        if (lookBack.isNegative() || lookBack.isZero()) {
            throw new IllegalArgumentException(s.name("look-back") + " must be positive");
        }
        return new SeeitConfig(s.string("base-url"), s.required("token", "when " + s.name("base-url") + " is set"),
                pageSize, lookBack);
    }

    @Override
    public String toString() {
        return "SeeitConfig[baseUrl=" + baseUrl + ", token=***, pageSize=" + pageSize + ", lookBack=" + lookBack + "]";
    }
}
