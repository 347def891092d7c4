package io.sessionflow.app;

import io.sessionflow.config.Settings;
import io.sessionflow.kafka.AccessRoles;
import io.sessionflow.kafka.AclCommands;
import io.sessionflow.cli.CommandSettings;
import io.sessionflow.cli.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code acls --role <pipeline|consumer|analyst|operator> --principal User:x}: the {@code kafka-acls.sh} commands
 * that give that principal what its role needs and nothing more. Names come from the settings, as the commands use
 * them.
 */
@Command(
        name = "acls",
        sortOptions = false,
        description = "The kafka-acls.sh commands that grant a role what it"
                + " needs and nothing more (README \"Least privilege\").")
public final class AclsCommand implements Callable<Integer> {
    @Option(names = "--role", required = true, paramLabel = "pipeline|consumer|analyst|operator",
            description = "whose ACLs")
    String role;
    @Option(names = "--principal", required = true, paramLabel = "User:<name>", description = "the Kafka principal")
    String principal;
    @Option(names = "--cluster", paramLabel = "<name>", description = "the cluster (default: SESSIONFLOW_CLUSTER)")
    String cluster;
    @Option(names = "--group", paramLabel = "<group>", description = "the consumer role's group (default: the name)")
    String group;
    @Option(names = "--targets", paramLabel = "<prefix>",
            description = "topics replay and rederive may create (default: <events topic>.copy.)")
    String targets;

    @Override
    public Integer call() {
        print(CommandSettings.load(), System.out);
        return ExitCode.OK;
    }

    /** As {@code acls --role ... --principal ...} prints it, with these settings. */
    public static void run(String[] args, Settings settings, PrintStream out) {
        AclsCommand command = new AclsCommand();
        new picocli.CommandLine(command).parseArgs(args);
        command.print(settings, out);
    }

    private void print(Settings settings, PrintStream out) {
        AccessRoles.Role named = AccessRoles.Role.named(role);
        if (!principal.matches("[A-Za-z]+:.+")) {
            throw new IllegalArgumentException("--principal is a Kafka principal like User:sessionflow, not '"
                    + principal + "'");
        }
        for (String line : lines(named, settings)) {
            out.println(line);
        }
    }

    private List<String> lines(AccessRoles.Role named, Settings s) {
        AccessRoles.Names names = names(s, cluster,
                group != null ? group : principal.substring(principal.indexOf(':') + 1), targets);
        String bootstrap = s.isSet("sessionflow.kafka.bootstrap-servers")
                ? s.string("sessionflow.kafka.bootstrap-servers") : "\"$BOOTSTRAP\"";
        return Stream.concat(
                Stream.of("# " + named.name().toLowerCase(Locale.ROOT) + " " + principal
                        + ": run as a Kafka administrator (admin.properties: its client settings)"),
                AclCommands.of(AccessRoles.of(named, principal, names), bootstrap).stream()).toList();
    }

    /** Every role's ACLs as a README table: the default names, with placeholders where the operator chooses. */
    static String markdown() {
        Settings s = Settings.from(Map.of(), new java.util.Properties(), Map.of());
        AccessRoles.Names names = names(s, null, "<group>", null);
        StringBuilder out = new StringBuilder("| role | resource | operations |\n|---|---|---|\n");
        for (AccessRoles.Role role : AccessRoles.Role.values()) {
            Map<org.apache.kafka.common.resource.ResourcePattern, List<String>> byResource =
                    new java.util.LinkedHashMap<>();
            AccessRoles.of(role, "User:x", names).forEach(b -> byResource.computeIfAbsent(b.pattern(),
                    p -> new java.util.ArrayList<>()).add(AclCommands.name(b.entry().operation())));
            byResource.forEach((p, operations) -> out.append("| ")
                    .append(role.name().toLowerCase(Locale.ROOT))
                    .append(" | ")
                    .append(p.resourceType().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .append(" `")
                    .append(p.name())
                    .append(p.patternType() == org.apache.kafka.common.resource.PatternType.PREFIXED ? "*" : "")
                    .append("` | ")
                    .append(String.join(", ", operations))
                    .append(" |\n"));
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
