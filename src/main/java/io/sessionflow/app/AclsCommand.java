package io.sessionflow.app;

import io.sessionflow.config.Settings;
import io.sessionflow.kafka.AccessRoles;
import io.sessionflow.kafka.AclCommands;
import io.sessionflow.replay.CommandArgs;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code acls --role <pipeline|consumer|analyst|operator> --principal User:x}: the {@code kafka-acls.sh} commands
 * that give that principal what its role needs and nothing more. Names come from the settings, as the commands use them.
 */
public final class AclsCommand {
    private static final Set<String> OPTIONS = Set.of("role", "principal", "cluster", "group", "targets");

    private AclsCommand() {
    }

    public static void run(String[] args, Settings settings, PrintStream out) {
        CommandArgs a = CommandArgs.parse(args, OPTIONS);
        AccessRoles.Role role = AccessRoles.Role.named(a.required("role"));
        String principal = a.required("principal");
        if (!principal.matches("[A-Za-z]+:.+")) {
            throw new IllegalArgumentException("--principal is a Kafka principal like User:sessionflow, not '"
                    + principal + "'");
        }
        for (String line : lines(role, principal, a, settings)) {
            out.println(line);
        }
    }

    static List<String> lines(AccessRoles.Role role, String principal, CommandArgs a, Settings settings) {
        Settings s = settings;
        AccessRoles.Names names = names(s, a.string("cluster", null),
                a.string("group", principal.substring(principal.indexOf(':') + 1)), a.string("targets", null));
        String bootstrap = s.isSet("sessionflow.kafka.bootstrap-servers")
                ? s.string("sessionflow.kafka.bootstrap-servers") : "\"$BOOTSTRAP\"";
        return Stream.concat(
                Stream.of("# " + role.name().toLowerCase(Locale.ROOT) + " " + principal
                        + ": run as a Kafka administrator (admin.properties: its client settings)"),
                AclCommands.of(AccessRoles.of(role, principal, names), bootstrap).stream()).toList();
    }

    /** Every role's ACLs as a README table: the default names, with placeholders where the operator chooses. */
    static String markdown() {
        Settings s = Settings.from(Map.of(), new java.util.Properties(), Map.of());
        AccessRoles.Names names = names(s, null, "<group>", null);
        StringBuilder out = new StringBuilder("| role | resource | operations |\n|---|---|---|\n");
        for (AccessRoles.Role role : AccessRoles.Role.values()) {
            Map<org.apache.kafka.common.resource.ResourcePattern, List<String>> byResource = new java.util.LinkedHashMap<>();
            AccessRoles.of(role, "User:x", names).forEach(b -> byResource.computeIfAbsent(b.pattern(),
                    p -> new java.util.ArrayList<>()).add(AclCommands.name(b.entry().operation())));
            byResource.forEach((p, operations) -> out.append("| ").append(role.name().toLowerCase(Locale.ROOT))
                    .append(" | ").append(p.resourceType().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(" `")
                    .append(p.name()).append(p.patternType() == org.apache.kafka.common.resource.PatternType.PREFIXED
                            ? "*" : "").append("` | ").append(String.join(", ", operations)).append(" |\n"));
        }
        return out.toString();
    }

    /**
     * What the roles' ACLs are about, named as the pipeline names them; null takes the default: the cluster of
     * {@code SESSIONFLOW_CLUSTER}, targets {@code <events topic>.copy.}.
     */
    static AccessRoles.Names names(Settings s, String cluster, String consumerGroup, String targetsPrefix) {
        return new AccessRoles.Names(KafkaConnection.topicsOf(s),
                cluster == null ? io.sessionflow.cluster.ClusterSettings.from(s).name() : cluster, consumerGroup,
                targetsPrefix == null ? s.string("sessionflow.topics.events") + ".copy." : targetsPrefix);
    }
}
