package io.sessionflow.cluster;

import io.sessionflow.event.SourceAccount;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Which account each running source route belongs to, so a failure in it is told to the right account. */
public final class RouteOwners {
    private final Map<String, SourceAccount> owners = new ConcurrentHashMap<>();

    /** Account {@code default} runs a template under the template's own id (as before accounts existed). */
    static String routeId(String template, SourceAccount account) {
        return account.isDefault() ? template : template + "." + account.account();
    }

    void add(String routeId, SourceAccount account) {
        owners.put(routeId, account);
    }

    void remove(String routeId) {
        owners.remove(routeId);
    }

    public Optional<SourceAccount> accountOf(String routeId) {
        return routeId == null ? Optional.empty() : Optional.ofNullable(owners.get(routeId));
    }
}
