package io.sessionflow.kafka;

/** The cluster did not answer within the bounded wait; nothing was started against it. */
public final class KafkaUnreachableException extends RuntimeException {

    public KafkaUnreachableException(String bootstrap, java.time.Duration waited, Throwable cause) {
        super("cannot reach Kafka at " + bootstrap + " within " + waited.toSeconds() + " s"
                + " (SESSIONFLOW_KAFKA_BOOTSTRAP_SERVERS; SESSIONFLOW_KAFKA_CONNECT_TIMEOUT waits longer)", cause);
    }
}
