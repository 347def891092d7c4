package io.sessionflow.kafka;

import java.util.Optional;
import java.util.TreeSet;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;

/**
 * Kafka said no: a wrong credential or a missing ACL, as the one line an operator acts on, naming the principal,
 * the operation and the resource; or a record larger than a topic accepts, with what to change. Commands print
 * {@link #line} and exit 2.
 */
public final class KafkaRefusal extends RuntimeException {

    private KafkaRefusal(String line, Throwable cause) {
        super(line, cause, false, false);
    }

    /**
     * The line for a refusal anywhere in {@code error}'s causes, empty when Kafka did not refuse. The cluster is the
     * one this process registered its client settings for, when there is exactly one.
     */
    public static Optional<String> line(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof KafkaRefusal refusal) {
                return Optional.of(refusal.getMessage());
            }
        }
        return line(error, KafkaClients.onlyCluster().orElse(null), null, null);
    }

    /**
     * @param bootstrap the cluster asked, or null when not known
     * @param operation what was attempted in Kafka's ACL words ({@code Read}, {@code Write}, {@code Create},
     *                  {@code DescribeConfigs} ...), or null when not known
     * @param resource  what it was attempted on ({@code topic sessions.raw}), or null to take it from the error
     */
    public static Optional<String> line(Throwable error, String bootstrap, String operation, String resource) {
        String kafka = bootstrap == null ? "Kafka" : "Kafka at " + bootstrap;
        String principal = bootstrap == null ? null : KafkaClients.configOf(bootstrap).principal();
        String who = principal == null ? "the configured principal" : principal;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof AuthenticationException e) {
                return Optional.of(kafka + " did not authenticate " + who + ": " + e.getMessage());
            }
            if (t instanceof RecordTooLargeException) {
                return Optional.of(kafka + " refused a record larger than a topic accepts (max.message.bytes): "
                        + "raise it, or lower SESSIONFLOW_HTTP_MAX_BODY_BYTES");
            }
            if (t instanceof AuthorizationException e) {
                return Optional.of(
                        kafka + ": " + who + " is not allowed to " + (operation == null ? "access" : operation) + " "
                                + (resource == null || namesTopics(e) ? resource(e) : resource));
            }
        }
        return Optional.empty();
    }

    /** The refusal in {@code error}, as an exception whose message is its line; empty when Kafka did not refuse. */
    public static Optional<KafkaRefusal> of(Throwable error, String bootstrap, String operation, String resource) {
        return line(error, bootstrap, operation, resource).map(l -> new KafkaRefusal(l, error));
    }

    /** A refusal found before Kafka was asked, by checking what the principal may do. */
    static KafkaRefusal missing(String bootstrap, String operation, String resource) {
        String principal = KafkaClients.configOf(bootstrap).principal();
        return new KafkaRefusal("Kafka at " + bootstrap + ": " + (principal == null ? "the configured principal"
                : principal) + " is not allowed to " + operation + " " + resource, null);
    }

    private static boolean namesTopics(AuthorizationException e) {
        return e instanceof TopicAuthorizationException t && !t.unauthorizedTopics().isEmpty();
    }

    private static String resource(AuthorizationException e) {
        if (e instanceof TopicAuthorizationException t && !t.unauthorizedTopics().isEmpty()) {
            return (t.unauthorizedTopics().size() == 1 ? "topic " : "topics ")
                    + String.join(", ", new TreeSet<>(t.unauthorizedTopics()));
        }
        if (e instanceof GroupAuthorizationException g && g.groupId() != null) {
            return "group " + g.groupId();
        }
        if (e instanceof TransactionalIdAuthorizationException) {
            return "its transactional id (sessionflow-<instance or shard>)";
        }
        if (e instanceof ClusterAuthorizationException) {
            return "the cluster";
        }
        return "a resource (" + e.getMessage() + ")";
    }
}
