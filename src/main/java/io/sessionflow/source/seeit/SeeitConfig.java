package io.sessionflow.source.seeit;

import io.sessionflow.config.Settings;
import java.time.Duration;

/**
 * GoToAssist Seeit settings. {@code lookBack} is how far back each poll re-reads created sessions: the list
 * filters on creation time, and a session keeps changing status after it was created.
 */
public record SeeitConfig(String baseUrl, String token, Duration pollInterval, int pageSize, Duration lookBack) {

    public static SeeitConfig from(Settings s) {
        int pageSize = s.integer("sessionflow.seeit.page-size");
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("SESSIONFLOW_SEEIT_PAGE_SIZE " + pageSize + " must be between 1 and 1000");
        }
        Duration lookBack = s.duration("sessionflow.seeit.look-back");
        if (lookBack.isNegative() || lookBack.isZero()) {
            throw new IllegalArgumentException("SESSIONFLOW_SEEIT_LOOK_BACK must be positive");
        }
        return new SeeitConfig(s.string("sessionflow.seeit.base-url"), s.string("sessionflow.seeit.token"),
                s.duration("sessionflow.seeit.poll-interval"), pageSize, lookBack);
    }

    @Override
    public String toString() {
        return "SeeitConfig[baseUrl=" + baseUrl + ", token=***, pageSize=" + pageSize + ", lookBack=" + lookBack + "]";
    }
}
