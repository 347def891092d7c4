package io.sessionflow.config;

import io.sessionflow.event.SourceAccount;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The settings of one source account, by the module's own keys ({@code base-url}, {@code token} ...): for account
 * {@code default} the environment's {@code SESSIONFLOW_<SYSTEM>_*}, for any other the values stored with the account
 * (secret references already resolved), each missing one at its declared default. Problems name the setting the way
 * its owner wrote it: the environment variable, or {@code <system>/<account> <key>}.
 */
public final class AccountSettings {
    private final SourceAccount account;
    private final Map<String, SettingDef> declared = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Settings pipeline;
    /** How the owner wrote each key; null: the environment's variable or {@code <system>/<account> <key>}. */
    private final UnaryOperator<String> names;

    private AccountSettings(SourceAccount account, List<SettingDef> declared, Map<String, String> given,
                            Settings pipeline, UnaryOperator<String> names) {
        this.account = account;
        this.pipeline = pipeline;
        this.names = names;
        for (SettingDef def : declared) {
            this.declared.put(def.key(), def);
            String v = given.get(def.key());
            values.put(def.key(), v == null ? def.defaultValue() : v.strip());
        }
    }

    /** Account {@code default}: what the environment (or {@code -D}) sets under {@code sessionflow.<system>.}. */
    public static AccountSettings ofDefault(SourceAccount account, List<SettingDef> declared, String prefix,
                                            Settings pipeline) {
        Map<String, String> given = new LinkedHashMap<>();
        declared.forEach(def -> given.put(def.key(), pipeline.string(prefix + def.key())));
        return new AccountSettings(account, declared, given, pipeline, null);
    }

    /** Any other account: the values stored with it; keys it does not name take their declared defaults. */
    public static AccountSettings of(SourceAccount account, List<SettingDef> declared, Map<String, String> given,
                                     Settings pipeline) {
        return new AccountSettings(account, declared, given, pipeline, null);
    }

    /** Settings given some other way (a Kamelet's properties), each named in problems as {@code names} says. */
    public static AccountSettings named(SourceAccount account, List<SettingDef> declared, Map<String, String> given,
                                        Settings pipeline, UnaryOperator<String> names) {
        return new AccountSettings(account, declared, given, pipeline, names);
    }

    /**
     * These settings for work on what was already fetched (re-derivation): every secret stands for one never asked
     * for, so a missing token does not stop reading the archive.
     */
    public AccountSettings offline() {
        Map<String, String> given = new LinkedHashMap<>(values);
        declared.values().stream().filter(d -> d.type() == SettingType.SECRET)
                .forEach(d -> given.put(d.key(), "(not needed offline)"));
        return new AccountSettings(account, List.copyOf(declared.values()), given, pipeline, names);
    }

    public SourceAccount account() {
        return account;
    }

    /** The pipeline's own settings (HTTP timeouts, fault policy ...), the same for every account. */
    public Settings pipeline() {
        return pipeline;
    }

    /** How the owner of this setting wrote it: {@code SESSIONFLOW_WEBINAR_TOKEN} or {@code webinar/acme token}. */
    public String name(String key) {
        def(key);
        if (names != null) {
            return names.apply(key);
        }
        return account.isDefault()
                ? SettingDef.envNameOf("sessionflow." + account.system().id() + "." + key)
                : account + " " + key;
    }

    /** Each value that is not of its declared type, one line naming it. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        declared.values().forEach(def -> {
            String value = values.get(def.key());
            String problem = def.type().problem(value);
            if (problem != null) {
                problems.add(name(def.key()) + " " + (def.type() == SettingType.SECRET ? "(secret)" : "'" + value + "'")
                        + " " + problem);
            }
        });
        return problems;
    }

    /** The values of the secret settings that are set: what must never be shown anywhere. */
    public List<String> secretValues() {
        return declared.values().stream().filter(d -> d.type() == SettingType.SECRET)
                .map(d -> values.get(d.key())).filter(v -> !v.isBlank()).toList();
    }

    public String string(String key) {
        def(key);
        return values.get(key);
    }

    public boolean isSet(String key) {
        return !string(key).isEmpty();
    }

    /** @throws IllegalArgumentException naming the setting when it is empty */
    public String required(String key, String why) {
        String v = string(key);
        if (v.isEmpty()) {
            throw new IllegalArgumentException(name(key) + " is required " + why);
        }
        return v;
    }

    public Duration duration(String key) {
        Duration d = SettingType.parseDuration(string(key));
        if (d == null) {
            throw new IllegalArgumentException(name(key) + " '" + string(key) + "' is not a duration");
        }
        return d;
    }

    public int integer(String key) {
        try {
            return Integer.parseInt(string(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name(key) + " '" + string(key) + "' is not a whole number");
        }
    }

    public boolean bool(String key) {
        return Boolean.parseBoolean(string(key));
    }

    public List<String> list(String key) {
        return SettingType.parseList(string(key));
    }

    private SettingDef def(String key) {
        SettingDef def = declared.get(key);
        if (def == null) {
            throw new IllegalArgumentException("undeclared setting " + account.system().id() + " " + key);
        }
        return def;
    }
}
