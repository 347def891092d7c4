package io.sessionflow.kafka;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;

/** ACL bindings as the {@code kafka-acls.sh} commands an administrator runs: one command per resource. */
public final class AclCommands {
    private AclCommands() {
    }

    public static List<String> of(List<AclBinding> bindings, String bootstrap) {
        Map<ResourcePattern, List<AclBinding>> byResource = new LinkedHashMap<>();
        bindings.forEach(b -> byResource.computeIfAbsent(b.pattern(), p -> new ArrayList<>()).add(b));
        List<String> commands = new ArrayList<>();
        byResource.forEach((resource, granted) -> commands.add("kafka-acls.sh --bootstrap-server " + bootstrap
                + " --command-config admin.properties --add --allow-principal '" + granted.get(0).entry().principal()
                + "' " + granted.stream().map(b -> "--operation " + name(b.entry().operation()))
                .collect(Collectors.joining(" ")) + resource(resource)));
        return commands;
    }

    /** DESCRIBE_CONFIGS -> DescribeConfigs, as kafka-acls.sh spells operations. */
    public static String name(AclOperation operation) {
        StringBuilder out = new StringBuilder();
        for (String word : operation.name().toLowerCase(Locale.ROOT).split("_")) {
            out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return out.toString();
    }

    private static String resource(ResourcePattern p) {
        String pattern = p.patternType() == PatternType.PREFIXED ? " --resource-pattern-type prefixed" : "";
        return pattern + switch (p.resourceType()) {
            case TOPIC -> " --topic " + p.name();
            case GROUP -> " --group " + p.name();
            case TRANSACTIONAL_ID -> " --transactional-id " + p.name();
            case CLUSTER -> " --cluster";
            default -> throw new IllegalArgumentException("no kafka-acls.sh option for " + p.resourceType());
        };
    }
}
