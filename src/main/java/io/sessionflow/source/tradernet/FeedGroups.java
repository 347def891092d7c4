package io.sessionflow.source.tradernet;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import org.apache.camel.Exchange;

/**
 * Group commit for the feed. While one Kafka transaction is in flight the feed keeps queueing; when the route's
 * consumer is free again it takes the next message and, along with it, the messages already waiting behind it,
 * and all of them are published in one transaction. Only what already waits is taken, so a lone message is
 * published at once (no timer waits for company), and a long backlog is cut into groups of bounded size.
 */
final class FeedGroups {
    /** At 1k messages/s and a transaction of a few milliseconds a group is ~5-20 messages; this caps a backlog. */
    static final int MAX_MESSAGES = 500;
    /** Raw payloads of one transaction; a single message may be larger (up to the HTTP body bound) and goes alone. */
    static final long MAX_RAW_CHARS = 4L * 1024 * 1024;

    private FeedGroups() {
    }

    /**
     * @param unpublished the last group taken, when its publish failed: it goes again first, and what waits behind
     *                    joins it only while the bounds allow, so a Kafka outage grows it by no more than the one
     *                    message each failed attempt brings (an attempt waits out the producer's delivery timeout)
     * @param waiting     the route's queue; the route has one consumer (the caller), so nobody else takes from it
     *                    between a peek and the poll that follows
     */
    static List<TradernetMessage> take(List<TradernetMessage> unpublished, TradernetMessage first,
                                       BlockingQueue<Exchange> waiting) {
        List<TradernetMessage> group = new ArrayList<>(unpublished);
        group.add(first);
        long chars = group.stream().mapToLong(FeedGroups::rawChars).sum();
        while (group.size() < MAX_MESSAGES) {
            Exchange next = waiting.peek();
            if (next == null) {
                break;
            }
            TradernetMessage message = next.getMessage().getBody(TradernetMessage.class);
            if (chars + rawChars(message) > MAX_RAW_CHARS) {
                break;
            }
            waiting.poll();
            group.add(message);
            chars += rawChars(message);
        }
        return group;
    }

    private static long rawChars(TradernetMessage message) {
        return message.raw() == null ? 0 : message.raw().length();
    }
}
