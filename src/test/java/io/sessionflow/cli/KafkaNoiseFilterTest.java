package io.sessionflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import org.apache.kafka.common.errors.NotControllerException;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, finding 8: what Kafka and the embedded broker log about their own housekeeping never reaches a log
 * (the service's stderr included); what they say about a real problem does.
 */
class KafkaNoiseFilterTest {
    private final LoggerContext context = new LoggerContext();
    private final KafkaNoiseFilter filter = new KafkaNoiseFilter();

    private FilterReply decide(String logger, Level level, String message, Throwable thrown) {
        Logger l = context.getLogger(logger);
        return filter.decide(new LoggingEvent(Logger.class.getName(), l, level, message, thrown, null));
    }

    @Test
    void housekeepingIsDroppedRealProblemsAreNot() {
        assertThat(decide("org.apache.kafka.clients.NetworkClient", Level.WARN, "[NodeToControllerChannelManager id=1"
                + " name=registration] Attempting to close NetworkClient that has already been closed.", null))
                .isEqualTo(FilterReply.DENY);
        assertThat(decide("org.apache.kafka.controller.QuorumController", Level.WARN, "[QuorumController id=1]"
                + " Performing controller activation. The metadata log appears to be empty.", null))
                .isEqualTo(FilterReply.DENY);
        assertThat(decide("kafka.server.NodeToControllerRequestThread", Level.ERROR, "request failed",
                new RuntimeException(new NotControllerException("not the controller")))).isEqualTo(FilterReply.DENY);

        assertThat(decide(
                        "org.apache.kafka.clients.NetworkClient",
                        Level.WARN,
                        "Connection to node 1 (/127.0.0.1:9092) could not be established.",
                        null))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide("io.sessionflow.publish.TransactionalPublisher", Level.ERROR, "commit failed",
                new NotControllerException("x"))).as("our own lines always pass").isEqualTo(FilterReply.NEUTRAL);
    }
}
