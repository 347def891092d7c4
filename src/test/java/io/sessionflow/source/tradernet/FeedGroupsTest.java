package io.sessionflow.source.tradernet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Which queued messages go into one transaction with the message the route's consumer just took. */
class FeedGroupsTest {
    private static final CamelContext CAMEL = new DefaultCamelContext();
    private static final List<TradernetMessage> NONE_UNPUBLISHED = List.of();
    private final BlockingQueue<Exchange> waiting = new LinkedBlockingQueue<>();

    @AfterAll
    static void stopCamel() throws Exception {
        CAMEL.close();
    }

    @Test
    void aLoneMessageIsAGroupOfItsOwn() {
        TradernetMessage lone = message("a", 10);
        assertThat(FeedGroups.take(NONE_UNPUBLISHED, lone, waiting)).containsExactly(lone);
    }

    @Test
    void theMessagesWaitingBehindItComeAlongInOrder() {
        TradernetMessage first = message("first", 10);
        List<TradernetMessage> behind = List.of(message("b", 10), message("c", 10), message("d", 10));
        behind.forEach(this::queue);

        assertThat(FeedGroups.take(NONE_UNPUBLISHED, first, waiting))
                .containsExactly(first, behind.get(0), behind.get(1), behind.get(2));
        assertThat(waiting).isEmpty();
    }

    @Test
    void aLongBacklogIsCutIntoGroupsOfBoundedSize() {
        for (int i = 0; i < FeedGroups.MAX_MESSAGES + 10; i++) {
            queue(message("m" + i, 10));
        }
        List<TradernetMessage> group = FeedGroups.take(NONE_UNPUBLISHED, message("first", 10), waiting);

        assertThat(group).hasSize(FeedGroups.MAX_MESSAGES);
        assertThat(group.get(group.size() - 1).raw()).startsWith("m" + (FeedGroups.MAX_MESSAGES - 2) + ":");
        assertThat(waiting).hasSize(11).first().satisfies(e -> assertThat(body(e).raw())
                .startsWith("m" + (FeedGroups.MAX_MESSAGES - 1) + ":"));
    }

    @Test
    void rawPayloadsAreBoundedTooAndAnOversizedMessageGoesAlone() {
        int third = (int) (FeedGroups.MAX_RAW_CHARS / 3);
        TradernetMessage first = message("first", third);
        queue(message("second", third));
        queue(message("third", third + 10));
        queue(message("big", (int) FeedGroups.MAX_RAW_CHARS * 2));

        assertThat(FeedGroups.take(NONE_UNPUBLISHED, first, waiting)).extracting(FeedGroupsTest::name)
                .containsExactly("first", "second");
        TradernetMessage next = body(waiting.poll());
        assertThat(FeedGroups.take(NONE_UNPUBLISHED, next, waiting)).extracting(FeedGroupsTest::name)
                .containsExactly("third");
        TradernetMessage big = body(waiting.poll());
        assertThat(FeedGroups.take(NONE_UNPUBLISHED, big, waiting)).containsExactly(big);
    }

    @Test
    void aGroupThatWasNotPublishedGoesFirstAndGrowsOnlyByTheMessageThatTriggeredTheAttempt() {
        List<TradernetMessage> unpublished = new java.util.ArrayList<>();
        for (int i = 0; i < FeedGroups.MAX_MESSAGES; i++) {
            unpublished.add(message("u" + i, 10));
        }
        for (int i = 0; i < 100; i++) {
            queue(message("w" + i, 10));
        }
        TradernetMessage first = message("first", 10);

        List<TradernetMessage> again = FeedGroups.take(unpublished, first, waiting);

        assertThat(again).hasSize(FeedGroups.MAX_MESSAGES + 1).startsWith(unpublished.toArray(TradernetMessage[]::new))
                .endsWith(first);
        assertThat(waiting).as("the rest waits in the route's queue, which blocks the feed once full").hasSize(100);
    }

    @Test
    void aSmallUnpublishedGroupTakesWhatWaitsUpToTheBound() {
        List<TradernetMessage> unpublished = List.of(message("u0", 10), message("u1", 10));
        queue(message("w0", 10));
        queue(message("w1", 10));

        assertThat(FeedGroups.take(unpublished, message("first", 10), waiting)).extracting(FeedGroupsTest::name)
                .containsExactly("u0", "u1", "first", "w0", "w1");
    }

    private void queue(TradernetMessage message) {
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.getMessage().setBody(message);
        waiting.add(exchange);
    }

    private static TradernetMessage body(Exchange exchange) {
        return exchange.getMessage().getBody(TradernetMessage.class);
    }

    private static String name(TradernetMessage message) {
        return message.raw().substring(0, message.raw().indexOf(':'));
    }

    /** A feed message whose raw text is {@code name:} padded to {@code chars} characters. */
    private static TradernetMessage message(String name, int chars) {
        String raw = name + ":" + "x".repeat(Math.max(0, chars - name.length() - 1));
        return new TradernetMessage(TradernetMessage.Kind.FEED, "ws", raw, null, null, Instant.EPOCH, 0, false);
    }
}
