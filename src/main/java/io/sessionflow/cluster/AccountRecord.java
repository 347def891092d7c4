package io.sessionflow.cluster;

import io.sessionflow.event.EventJson;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.event.SystemId;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * One account as the accounts topic keeps it: key {@code <system>/<account>}, value its settings by the module's
 * own keys (secrets as references only); a tombstone (null value) removes it.
 */
public record AccountRecord(String system, String account, Map<String, String> settings) {

    public AccountRecord {
        settings = new TreeMap<>(settings);
    }

    public static AccountRecord of(SourceAccount account, Map<String, String> settings) {
        return new AccountRecord(account.system().id(), account.account(), settings);
    }

    public SourceAccount source() {
        return new SourceAccount(SystemId.of(system), account);
    }

    public String key() {
        return source().toString();
    }

    public byte[] value() {
        return EventJson.toBytes(this);
    }

    static AccountRecord parse(byte[] value) {
        try {
            return EventJson.mapper().readValue(value, AccountRecord.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable account record: " + e.getMessage(), e);
        }
    }
}
