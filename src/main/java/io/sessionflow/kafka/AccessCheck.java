package io.sessionflow.kafka;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.TransactionalIdNotFoundException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Before the pipeline starts: may this principal do on its topics and transactional id what its role needs? A
 * missing ACL stops the start with its one line, instead of failing every poll later. Asks Kafka which operations
 * the principal may perform (a broker without an authorizer answers none, and nothing is checked).
 */
public final class AccessCheck {
    private AccessCheck() {
    }

    /**
     * @param needed the role's bindings; those on the given existing topics and on transactional ids are checked
     * @throws KafkaRefusal naming the first operation missing
     */
    public static void require(String bootstrap, List<AclBinding> needed, Set<String> topics) {
        try (Admin admin = Admin.create(KafkaClients.base(bootstrap))) {
            Map<String, TopicDescription> described = AdminCalls.get(admin.describeTopics(topics,
                    new DescribeTopicsOptions().includeAuthorizedOperations(true)).allTopicNames(), bootstrap,
                    "Describe", "topics " + String.join(", ", topics));
            for (AclBinding b : needed) {
                String name = b.pattern().name();
                if (b.pattern().resourceType() == ResourceType.TOPIC && described.containsKey(name)) {
                    Set<AclOperation> allowed = described.get(name).authorizedOperations();
                    if (allowed != null && !allowed.contains(b.entry().operation())) {
                        throw KafkaRefusal.missing(bootstrap, AclCommands.name(b.entry().operation()), "topic " + name);
                    }
                }
            }
            // a prefixed grant (the shards' ids) is checked on its first id, the one of shard 0
            List<String> transactionalIds = needed.stream()
                    .filter(b -> b.pattern().resourceType() == ResourceType.TRANSACTIONAL_ID)
                    .map(b -> b.pattern().patternType() == PatternType.PREFIXED ? b.pattern().name() + "0"
                            : b.pattern().name()).distinct().toList();
            for (String id : transactionalIds) {
                describable(admin, bootstrap, id);
            }
        }
    }

    /** Describe is what can be asked without touching the id; Write, which the role grants, implies it. */
    private static void describable(Admin admin, String bootstrap, String transactionalId) {
        try {
            AdminCalls.get(admin.describeTransactions(List.of(transactionalId)).all(), bootstrap, "Write",
                    "transactional id " + transactionalId);
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof TransactionalIdNotFoundException)) {
                throw e;
            }
        }
    }
}
