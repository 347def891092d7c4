package io.sessionflow.source.tradernet;

import io.sessionflow.source.FeedLatency;
import io.sessionflow.source.FeedSource;
import io.sessionflow.source.PollBatch;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Variable;
import org.apache.camel.component.seda.SedaEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bean the route file {@code routes/sources/tradernet-websocket.yaml} calls. The feed thread puts every
 * message on the route's ordered queue ({@link #QUEUE}); the route takes each message with the ones waiting
 * behind it ({@link FeedGroups}), turns the group into one batch and publishes it in one transaction. A group whose
 * publish failed (the shared error handling takes the exception, so the route never tells) is not lost: it goes
 * again, whole and first, with the next group, until a publish succeeds. Closing it (the account stops on this
 * instance) ends the feed thread and its connection.
 */
public final class TradernetStream implements FeedSource {
    private static final Logger LOG = LoggerFactory.getLogger(TradernetStream.class);
    private final TradernetFeed feed;
    private final TradernetBatches batches;
    private final FeedLatency latency = new FeedLatency();
    private final AtomicLong feedTransactions = new AtomicLong();
    private final Clock clock;
    /** The account's ordered queue, its route's one consumer: groups are diffed and published one after another. */
    private final String queue;
    private Thread thread;
    /** The messages of the last group taken, until its publish succeeded; the route's one consumer only. */
    private List<TradernetMessage> unpublished = List.of();

    public TradernetStream(TradernetFeed feed, TradernetBatches batches, String queue, Clock clock) {
        this.feed = feed;
        this.batches = batches;
        this.queue = queue;
        this.clock = clock;
    }

    /**
     * Feeds messages into the account's route queue. A full queue blocks the feed thread, which then reads nothing
     * more, so nothing is dropped while the account runs. A message is dropped, with a warning, only when it cannot
     * be queued at all: the account stopping here interrupted the blocked feed thread, or Camel is stopping. Lists
     * still queued when the route is cut short are not published either. Whoever runs the account next logs in and
     * takes an HTTP snapshot first, which carries what those lists said.
     */
    public static java.util.function.Consumer<TradernetMessage> queueOf(ProducerTemplate template, String queue) {
        String uri = "seda:" + queue + "?blockWhenFull=true";
        return message -> {
            try {
                template.sendBody(uri, message);
            } catch (RuntimeException e) {
                LOG.warn("Tradernet message not queued (pipeline stopping?): {}", e.getClass().getSimpleName());
            }
        };
    }

    @Override
    public Map<String, String> routeParameters() {
        return Map.of("queue", queue);
    }

    /** Starts the feed thread once the account's routes run. */
    @Override
    public synchronized void start() {
        if (thread == null) {
            thread = new Thread(feed, "tradernet-feed");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * This message and the ones already waiting behind it in the route's queue ({@link FeedGroups}), in order; after
     * a group that was not published, that group first: its messages are off the queue and nowhere else.
     */
    public List<TradernetMessage> group(@Body TradernetMessage first, Exchange exchange) {
        if (!unpublished.isEmpty()) {
            LOG.warn("{} Tradernet messages were not published; they go again, first", unpublished.size());
            batches.rewind();
        }
        unpublished = FeedGroups.take(unpublished, first, ((SedaEndpoint) exchange.getFromEndpoint()).getQueue());
        return unpublished;
    }

    public PollBatch toBatch(List<TradernetMessage> group) {
        return batches.toBatch(group);
    }

    public TradernetMessage expiryCheck() {
        // the time first, then whether the feed vouches for it: a message received after it is not covered anyway
        Instant now = clock.instant();
        return TradernetMessage.expiryCheck(now, feed.vouchesUpToNow());
    }

    /**
     * After the publish route returned, Kafka has acknowledged the group's transaction: the latency of each of
     * its feed messages (arrival to that acknowledgement) is recorded, whether or not it changed anything.
     */
    public void published(@Variable("feedGroup") List<TradernetMessage> group) {
        unpublished = List.of();
        batches.published();
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

    @Override
    public FeedLatency latency() {
        return latency;
    }

    @Override
    public long feedTransactions() {
        return feedTransactions.get();
    }

    @Override
    public synchronized void close() {
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
