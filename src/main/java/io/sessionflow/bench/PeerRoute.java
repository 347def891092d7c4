package io.sessionflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionflow.source.PeerPages;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.apache.camel.processor.aggregate.GroupedExchangeAggregationStrategy;

/**
 * The route a Camel user would write instead of Sessionflow for the same job: a timer, every page of the vendor's
 * listing over camel-http (the module says how to ask, {@link PeerPages}), split into its sessions, each written by
 * Jackson and sent by camel-kafka, at least once (acks=all, idempotent producer, each poll done once Kafka
 * acknowledged its records). No diff, no state: every listed session is published on every poll. Each page's
 * records go to camel-kafka as one batch (grouped exchanges, each with its own key), the way camel-kafka sends many
 * records without waiting for each acknowledgement in turn. The two {@link MeasuredPolls} steps are the bench's
 * stopwatch, not the user's route.
 */
final class PeerRoute extends RouteBuilder {
    private final PeerPages pages;
    private final Map<String, String> account;
    private final String kafkaUri;
    private final int polls;
    private final MeasuredPolls clock;

    /** @param account the account's settings, keyed without the module's prefix */
    PeerRoute(PeerPages pages, Map<String, String> account, String brokers, String topic, int polls,
              MeasuredPolls clock) {
        this.pages = pages;
        this.account = account;
        this.kafkaUri = "kafka:" + topic + "?brokers=" + brokers + "&requestRequiredAcks=all"
                + "&valueSerializer=org.apache.kafka.common.serialization.ByteArraySerializer"
                + "&batchWithIndividualHeaders=true";
        this.polls = polls;
        this.clock = clock;
    }

    @Override
    public void configure() {
        // one poll at a time, as Sessionflow polls an account: the next starts when Kafka acknowledged the last
        from("timer:peer?delay=-1&period=1&synchronous=true&repeatCount=" + polls).routeId("peer")
                .process(e -> clock.pollStarts())
                .setProperty("page", constant(0))
                .loopDoWhile(exchangeProperty("more").isNotEqualTo(false))
                    .process(this::ask)
                    .to(pages.page(account, 0).url())
                    .unmarshal().json(JsonLibrary.Jackson, JsonNode.class)
                    .process(this::read)
                    .split(body(), new GroupedExchangeAggregationStrategy())
                        .process(e -> e.getMessage().setHeader(KafkaConstants.KEY,
                                pages.key(e.getMessage().getBody(JsonNode.class))))
                        .marshal().json(JsonLibrary.Jackson)
                    .end()
                    .removeHeaders("*")
                    .to(kafkaUri)
                    .setProperty("page", simple("${exchangeProperty.page}++"))
                .end()
                .process(e -> clock.pollEnds());
    }

    /** The page's query and headers; its URL is the same for every page. */
    private void ask(Exchange exchange) {
        PeerPages.Request request = pages.page(account, exchange.getProperty("page", Integer.class));
        Message message = exchange.getMessage();
        request.headers().forEach(message::setHeader);
        message.setHeader(Exchange.HTTP_QUERY, request.query());
    }

    /** Whether another page follows, and the page's sessions in its place. */
    private void read(Exchange exchange) {
        JsonNode page = exchange.getMessage().getBody(JsonNode.class);
        exchange.setProperty("more", pages.more(page));
        exchange.getMessage().setBody(pages.sessions(page));
    }
}
