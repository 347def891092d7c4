package io.sessionflow.kafka;

import static org.apache.kafka.common.acl.AclOperation.CREATE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE_CONFIGS;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;
import static org.apache.kafka.common.resource.PatternType.LITERAL;
import static org.apache.kafka.common.resource.PatternType.PREFIXED;
import static org.apache.kafka.common.resource.ResourceType.GROUP;
import static org.apache.kafka.common.resource.ResourceType.TOPIC;
import static org.apache.kafka.common.resource.ResourceType.TRANSACTIONAL_ID;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The least a principal of each role needs, as Kafka ACLs: what {@code sessionflow acls} prints, what the embedded
 * secured broker grants, and what the tests grant and nothing more. Read and Write imply Describe in Kafka.
 */
public final class AccessRoles {
    private AccessRoles() {
    }

    public enum Role {
        /** A pipeline instance: writes its topics, restores its state, owns its transactional ids. */
        PIPELINE,
        /** An application consuming the events, in its own consumer group: nothing else. */
        CONSUMER,
        /** verify, replay and report: reads the events; may write re-published copies under the targets prefix. */
        ANALYST,
        /** Manages accounts, and re-derives from sessions.raw (personal data in clear) into new topics. */
        OPERATOR;

        public static Role named(String name) {
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "--role is pipeline, consumer, analyst or operator, not '" + name + "'");
            }
        }
    }

    /**
     * @param cluster         the cluster name: consumer group {@code sessionflow-<cluster>}, topics
     *                        {@code <cluster>.shards} and {@code <cluster>.accounts}, transactional ids
     *                        {@code sessionflow-<cluster>-shard-*}
     * @param consumerGroup   the consumer role's group
     * @param targetsPrefix   topics that replay and rederive may create and write ({@code --to-topic})
     */
    public record Names(Topics topics, String cluster, String consumerGroup, String targetsPrefix) {}

    public static List<AclBinding> of(Role role, String principal, Names n) {
        Grants g = new Grants(principal);
        switch (role) {
            case PIPELINE -> {
                g.topic(n.topics().events(), CREATE, DESCRIBE_CONFIGS, WRITE);
                g.topic(n.topics().raw(), CREATE, DESCRIBE_CONFIGS, WRITE);
                g.topic(n.topics().dlq(), CREATE, DESCRIBE_CONFIGS, WRITE);
                g.topic(n.topics().state(), CREATE, DESCRIBE_CONFIGS, READ, WRITE);
                g.topic(n.topics().watermarks(), CREATE, DESCRIBE_CONFIGS, WRITE);
                g.topic(n.cluster() + ".shards", CREATE, DESCRIBE_CONFIGS, READ);
                g.topic(n.cluster() + ".accounts", CREATE, DESCRIBE_CONFIGS, READ);
                g.add(GROUP, "sessionflow-" + n.cluster(), LITERAL, READ);
                g.add(TRANSACTIONAL_ID, "sessionflow-" + n.cluster() + "-shard-", PREFIXED, WRITE);
            }
            case CONSUMER -> {
                g.topic(n.topics().events(), READ);
                // closes time windows with certainty (docs/consuming.md)
                g.topic(n.topics().watermarks(), READ);
                g.add(GROUP, n.consumerGroup(), LITERAL, READ);
            }
            case ANALYST -> {
                g.topic(n.topics().events(), READ);
                // report: the periods when a source was down
                g.topic(n.topics().watermarks(), READ);
                g.add(TOPIC, n.targetsPrefix(), PREFIXED, CREATE, WRITE);
            }
            case OPERATOR -> {
                g.topic(n.cluster() + ".accounts", CREATE, DESCRIBE_CONFIGS, READ, WRITE);
                // sessionflow cluster: the group's members, the shard count, each account's cursor and last failure
                g.topic(n.cluster() + ".shards", DESCRIBE);
                g.add(GROUP, "sessionflow-" + n.cluster(), LITERAL, DESCRIBE);
                g.topic(n.topics().state(), READ);
                g.topic(n.topics().events(), READ);
                g.topic(n.topics().raw(), READ);
                g.add(TOPIC, n.targetsPrefix(), PREFIXED, CREATE, WRITE);
            }
            default -> throw new IllegalStateException("unknown role " + role);
        }
        return g.bindings;
    }

    private static final class Grants {
        private final String principal;
        private final List<AclBinding> bindings = new ArrayList<>();

        Grants(String principal) {
            this.principal = principal;
        }

        void topic(String name, AclOperation... operations) {
            add(TOPIC, name, LITERAL, operations);
        }

        void add(ResourceType type, String name, PatternType pattern, AclOperation... operations) {
            for (AclOperation operation : operations) {
                bindings.add(new AclBinding(new ResourcePattern(type, name, pattern),
                        new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW)));
            }
        }
    }
}
