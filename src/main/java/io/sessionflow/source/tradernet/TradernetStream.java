package io.sessionflow.source.tradernet;

import io.sessionflow.source.PollBatch;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Service;
import org.apache.camel.Variable;
import org.apache.camel.component.seda.SedaEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bean the route file {@code routes/sources/tradernet-websocket.yaml} calls. The feed thread puts every
 * message on the route's ordered queue ({@link #QUEUE}); the route takes each message with the ones waiting
 * behind it ({@link FeedGroups}), turns the group into one batch and publishes it in one transaction. Camel
 * stops it with the context, which ends the feed thread and its connection.
 */
public final class TradernetStream implements Service {
    /** The route's consumer; one consumer, so groups are diffed and published strictly one after another. */
    public static final String QUEUE = "seda:tradernet-feed?blockWhenFull=true";
    private static final Logger LOG = LoggerFactory.getLogger(TradernetStream.class);
    private final TradernetFeed feed;
    private final TradernetBatches batches;
    private final FeedLatency latency = new FeedLatency();
    private final AtomicLong feedTransactions = new AtomicLong();
    private final Clock clock;
    private Thread thread;

    public TradernetStream(TradernetFeed feed, TradernetBatches batches, Clock clock) {
        this.feed = feed;
        this.batches = batches;
        this.clock = clock;
    }

    /** Feeds messages into the route's queue; a message offered while Camel shuts down is dropped (the next start re-snapshots). */
    public static java.util.function.Consumer<TradernetMessage> queueOf(ProducerTemplate template) {
        return message -> {
            try {
                template.sendBody(QUEUE, message);
            } catch (RuntimeException e) {
                LOG.warn("Tradernet message not queued (pipeline stopping?): {}", e.getClass().getSimpleName());
            }
        };
    }

    /** Starts the feed thread once; called by the route's one-shot timer so a disabled route never connects. */
    public synchronized void connect() {
        if (thread == null) {
            thread = new Thread(feed, "tradernet-feed");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** This message and the ones already waiting behind it in the route's queue ({@link FeedGroups}), in order. */
    public List<TradernetMessage> group(@Body TradernetMessage first, Exchange exchange) {
        return FeedGroups.take(first, ((SedaEndpoint) exchange.getFromEndpoint()).getQueue());
    }

    public PollBatch toBatch(List<TradernetMessage> group) {
        return batches.toBatch(group);
    }

    public TradernetMessage expiryCheck() {
        return TradernetMessage.expiryCheck(clock.instant());
    }

    /**
     * After the publish route returned, Kafka has acknowledged the group's transaction: the latency of each of
     * its feed messages (arrival to that acknowledgement) is recorded, whether or not it changed anything.
     */
    public void published(@Variable("feedGroup") List<TradernetMessage> group) {
        boolean feed = false;
        for (TradernetMessage message : group) {
            if (message.kind() == TradernetMessage.Kind.FEED) {
                latency.record(message.receivedNanos());
                feed = true;
            }
        }
        if (feed) {
            feedTransactions.incrementAndGet();
        }
    }

    public FeedLatency latency() {
        return latency;
    }

    /** Kafka transactions that carried feed messages: with group commit, fewer than the messages. */
    public long feedTransactions() {
        return feedTransactions.get();
    }

    @Override
    public void start() {
        // the route's timer calls connect(); nothing to do when Camel starts its services
    }

    @Override
    public synchronized void stop() {
        feed.stop();
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }
}
