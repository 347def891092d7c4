package io.sessionflow.cluster;

import io.sessionflow.config.AccountSettings;
import io.sessionflow.config.SettingDef;
import io.sessionflow.config.SettingType;
import io.sessionflow.config.Settings;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.event.SystemId;
import io.sessionflow.source.SourceModule;
import io.sessionflow.source.SourceModules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An operator's {@code accounts add <system> <account> KEY=VALUE...} checked before anything is written: the system
 * exists, the account id is a safe name (and not {@code default}, which the environment defines), every key is a
 * setting of that system, secrets are references, and the module accepts the account. Each problem is one line.
 */
public final class AccountRequest {
    private AccountRequest() {
    }

    /** @throws IllegalArgumentException with one line per problem; nothing is to be written then */
    public static AccountRecord check(String system, String account, List<String> assignments, Settings pipeline) {
        SourceModule module = moduleOf(system);
        SourceAccount id = accountOf(module, account);
        Map<String, SettingDef> declared = module.settings().stream()
                .collect(Collectors.toMap(SettingDef::key, d -> d, (a, b) -> a, LinkedHashMap::new));
        Map<String, String> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String assignment : assignments) {
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                problems.add("'" + assignment + "' is not KEY=VALUE");
                continue;
            }
            String key = assignment.substring(0, eq).strip();
            String value = assignment.substring(eq + 1).strip();
            SettingDef def = declared.get(key);
            if (def == null) {
                problems.add(system + " has no setting '" + key + "'; its settings: " + String.join(", ",
                        declared.keySet()));
            } else if (def.type() == SettingType.SECRET && !value.isEmpty() && !SecretReferences.isReference(value)) {
                problems.add(id + " " + key + " is a secret: give a reference, ${env:NAME} or ${file:/path}, never "
                        + "the value itself (it would sit in Kafka in clear)");
            } else {
                values.put(key, value);
            }
        }
        if (!values.containsKey(module.enabledBy()) || values.get(module.enabledBy()).isEmpty()) {
            problems.add(id + " needs " + module.enabledBy() + "=...");
        }
        if (problems.isEmpty()) {
            AccountSettings settings = AccountSettings.of(id, module.settings(), withSecretsStandingIn(module, values),
                    pipeline);
            problems.addAll(settings.problems());
            if (problems.isEmpty()) {
                problems.addAll(module.problems(settings));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(System.lineSeparator(), problems));
        }
        return AccountRecord.of(id, values);
    }

    public static SourceModule moduleOf(String system) {
        Optional<SourceModule> module;
        try {
            module = SourceModules.of(SystemId.of(system));
        } catch (IllegalArgumentException e) {
            module = Optional.empty();
        }
        return module.orElseThrow(() -> new IllegalArgumentException("unknown system '" + system + "'; known: "
                + SourceModules.all().stream().map(m -> m.system().id()).collect(Collectors.joining(", "))));
    }

    public static SourceAccount accountOf(SourceModule module, String account) {
        SourceAccount id = new SourceAccount(module.system(), account);
        if (id.isDefault()) {
            throw new IllegalArgumentException("account 'default' is configured by the environment "
                    + "(SESSIONFLOW_" + module.system().id().toUpperCase(java.util.Locale.ROOT) + "_*), not here");
        }
        return id;
    }

    /** References are resolved on each instance, not here: a stand-in value lets the module check the rest. */
    private static Map<String, String> withSecretsStandingIn(SourceModule module, Map<String, String> values) {
        Map<String, String> checked = new LinkedHashMap<>(values);
        module.settings().stream().filter(d -> d.type() == SettingType.SECRET && checked.containsKey(d.key()))
                .forEach(d -> checked.put(d.key(), "resolved-on-each-instance"));
        return checked;
    }
}
