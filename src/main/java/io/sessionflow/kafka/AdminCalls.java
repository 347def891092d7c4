package io.sessionflow.kafka;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.KafkaFuture;

/** One admin request's answer within 30 s; Kafka's refusal becomes its one line, anything else names the step. */
final class AdminCalls {
    private AdminCalls() {
    }

    /**
     * @param operation the ACL operation the request needs, for the refusal line
     * @param resource  what it is asked about ({@code topic sessions.raw})
     * @throws KafkaRefusal when Kafka refused it
     * @throws IllegalStateException otherwise, its cause Kafka's error
     */
    static <T> T get(KafkaFuture<T> future, String bootstrap, String operation, String resource) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw KafkaRefusal.of(e.getCause(), bootstrap, operation, resource)
                    .map(RuntimeException.class::cast)
                    .orElseGet(() -> new IllegalStateException("cannot reach Kafka at " + bootstrap + " to "
                            + operation + " " + resource + ": " + e.getCause().getMessage(), e.getCause()));
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot reach Kafka at " + bootstrap + " to " + operation + " " + resource
                    + " within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking Kafka at " + bootstrap, e);
        }
    }
}
