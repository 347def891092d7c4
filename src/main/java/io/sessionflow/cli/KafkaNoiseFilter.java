package io.sessionflow.cli;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Drops what the Kafka client and the embedded broker log about their own housekeeping, which says nothing
 * about Sessionflow: a client closed twice at shutdown, the first start of an empty KRaft log, and a request sent
 * to the controller while the single node is still electing itself (retried by the broker, and then it works).
 */
public final class KafkaNoiseFilter extends Filter<ILoggingEvent> {

    @Override
    public FilterReply decide(ILoggingEvent event) {
        String logger = event.getLoggerName();
        if (!logger.startsWith("org.apache.kafka") && !logger.startsWith("kafka")) {
            return FilterReply.NEUTRAL;
        }
        String message = event.getFormattedMessage();
        if (message != null && (message.contains("Attempting to close NetworkClient that has already been closed")
                || message.contains("The metadata log appears to be empty"))) {
            return FilterReply.DENY;
        }
        return mentions(event.getThrowableProxy(), "NotControllerException") ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    private static boolean mentions(IThrowableProxy thrown, String simpleName) {
        for (IThrowableProxy t = thrown; t != null; t = t.getCause()) {
            if (t.getClassName().endsWith("." + simpleName)) {
                return true;
            }
        }
        return false;
    }
}
