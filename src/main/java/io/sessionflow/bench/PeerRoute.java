package io.sessionflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.apache.camel.processor.aggregate.GroupedExchangeAggregationStrategy;

/**
 * The route a Camel user would write instead of Sessionflow for the same job: a timer, every page of the webinar.ru
 * schedule over camel-http, split into its event sessions, each written by Jackson and sent by camel-kafka, at least
 * once (acks=all, idempotent producer, each poll done once Kafka acknowledged its records). No diff, no state: every
 * listed session is published on every poll. Each page's records go to camel-kafka as one batch (grouped exchanges,
 * each with its own key), the way camel-kafka sends many records without waiting for each acknowledgement in turn.
 * The two {@link MeasuredPolls} steps are the bench's stopwatch, not the user's route.
 */
final class PeerRoute extends RouteBuilder {
    private final String scheduleUrl;
    private final String token;
    private final String query;
    private final int perPage;
    private final String kafkaUri;
    private final int polls;
    private final MeasuredPolls clock;

    /** @param window the schedule's {@code from} and {@code to}, as Sessionflow asks for them */
    PeerRoute(String baseUrl, String token, String window, int perPage, String brokers, String topic, int polls,
              MeasuredPolls clock) {
        this.scheduleUrl = baseUrl + "/organization/events/schedule";
        this.token = token;
        this.query = "perPage=" + perPage + "&" + window;
        this.perPage = perPage;
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
                .setProperty("page", constant(1))
                .loopDoWhile(exchangeProperty("more").isNotEqualTo(false))
                    .setHeader("x-auth-token", constant(token))
                    .setHeader(Exchange.HTTP_QUERY, simple("page=${exchangeProperty.page}&" + query))
                    .to(scheduleUrl)
                    .unmarshal().json(JsonLibrary.Jackson, JsonNode.class)
                    .setProperty("more", simple("${body.size()} == " + perPage, Boolean.class))
                    .split(method(PeerRoute.class, "sessionsOf"), new GroupedExchangeAggregationStrategy())
                        .setHeader(KafkaConstants.KEY, simple("${body.get('id').asText()}"))
                        .marshal().json(JsonLibrary.Jackson)
                    .end()
                    .removeHeaders("*")
                    .to(kafkaUri)
                    .setProperty("page", simple("${exchangeProperty.page}++"))
                .end()
                .process(e -> clock.pollEnds());
    }

    /** Every event session of a schedule page, across its events (entries with only a date are no session yet). */
    public static List<JsonNode> sessionsOf(JsonNode page) {
        List<JsonNode> sessions = new ArrayList<>();
        for (JsonNode event : page) {
            for (JsonNode session : event.path("eventSessions")) {
                if (session.has("id")) {
                    sessions.add(session);
                }
            }
        }
        return sessions;
    }
}
