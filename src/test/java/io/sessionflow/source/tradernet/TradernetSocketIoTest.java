package io.sessionflow.source.tradernet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionflow.event.EventJson;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.testing.Pipeline;
import io.sessionflow.testing.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The socket.io transport (io.socket client against a netty-socketio server) yields the same events as the
 * plain WebSocket transport for the same sessions, drop and recovery included.
 */
class TradernetSocketIoTest {
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00.250Z");

    @Test
    void socketIoGivesTheSameEventsAsWebSocket() {
        List<String> viaWebSocket = run("websocket");
        List<String> viaSocketIo = run("socketio");
        assertThat(viaSocketIo).hasSize(6).containsExactlyElementsOf(viaWebSocket);
    }

    /**
     * Issue 14 item 4: a message without {@code data[0].response.res} was read as an empty list, which ended every open
     * session. It carries no list: dead-lettered, nothing ends; the next list is read as usual.
     */
    @Test
    void aMessageWithoutASessionListEndsNothingAndIsDeadLettered() throws Exception {
        try (TradernetHarness h = new TradernetHarness()) {
            TradernetWorld.Session a = h.world.open("virtual@virtual.com", "Login, password", T0,
                    Duration.ofDays(3650), "19.16.32.32");
            Pipeline pipeline = h.start("socketio");
            h.awaitEvents(1);
            h.awaitSubscribed();

            h.vendor.sendRawSocketIoData("[{\"response\":{}}]");

            try (TopicReader dlq = pipeline.read(pipeline.topics().dlq())) {
                JsonNode letter = EventJson.mapper().readTree(dlq.awaitCount(1, TradernetHarness.WAIT).get(0).value());
                assertThat(letter.get("reason").asText())
                        .isEqualTo("socket.io sessions message without a list at data[0].response.res");
            }
            assertThat(h.eventsBeforeBarrier()).as("the open session did not end")
                    .extracting(SessionEvent::subject, e -> e.type().type())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(String.valueOf(a.id()),
                            "sessionflow.session.started"));
        }
    }

    /** One script of sessions; returns each event without its observed time, sorted by id. */
    private static List<String> run(String transport) {
        try (TradernetHarness h = new TradernetHarness()) {
            Instant farExpiry = Instant.parse("2036-01-01T00:00:00Z");
            TradernetWorld.Session a = h.world.open("virtual@virtual.com", "Login, password", T0,
                    Duration.between(T0, farExpiry), "19.16.32.32");
            h.start(transport, java.util.Map.of("sessionflow.tradernet.reconnect-initial-delay", "1500ms"));
            h.awaitEvents(1);
            TradernetWorld.Session b = h.world.open("virtual@virtual.com", "SMS", T0.plusSeconds(30),
                    Duration.between(T0, farExpiry), "203.0.113.7");
            h.awaitEvents(2);
            h.awaitSubscribed();
            h.vendor.dropConnections();
            h.world.close(a.id());
            TradernetWorld.Session c = h.world.open("virtual@virtual.com", "SMS", T0.plusSeconds(60),
                    Duration.between(T0, farExpiry), "192.0.2.44");
            h.awaitEvents(4);
            h.awaitSubscribed();
            h.world.prolong(b.id(), farExpiry.plus(Duration.ofHours(1)));
            h.world.close(c.id());
            List<SessionEvent> all = h.awaitEvents(6);
            assertThat(h.eventsBeforeBarrier()).hasSize(6);
            return all.stream().sorted(Comparator.comparing(SessionEvent::id))
                    .map(e -> e.id() + " " + e.type().type() + " " + e.subject() + " recovered=" + e.data().recovered()
                            + " " + e.data().scheduledEnd() + " " + e.data().attributes())
                    .toList();
        }
    }
}
