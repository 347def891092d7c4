package io.sessionflow.source.tradernet;

import static io.sessionflow.testing.Wait.await;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.sessionflow.demo.SimulatedHttpServer.Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Refusals are clear log lines and publish nothing; credentials never reach a log line. */
class TradernetFailureTest {
    private final TradernetHarness h = new TradernetHarness();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private Logger root;

    @BeforeEach
    void captureLogs() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void stop() {
        h.close();
        root.detachAppender(logs);
    }

    @Test
    void aFailedLoginIsAClearErrorAndPublishesNothing() {
        h.world.open("virtual@virtual.com", "Login, password", Instant.now(), Duration.ofHours(1), "19.16.32.32");
        h.start("websocket", Map.of("sessionflow.tradernet.password", "wrong-canary-password-55e1"));
        awaitLog("Tradernet login for 'virtual@virtual.com' refused: Invalid login or password");
        // every login is refused, so no snapshot and no feed: nothing can be published in this run at all
        assertThat(h.readToEnd()).isEmpty();
        assertThat(h.vendor.snapshotCount()).isZero();
        assertThat(allLogText()).doesNotContain("wrong-canary-password-55e1");
    }

    @Test
    void anErrorMessageOnTheFeedIsAClearErrorAndPublishesNothing() {
        h.vendor.failFeed("Account suspended");
        h.start("websocket");
        awaitLog("Tradernet feed answered an error: {\"errMsg\":\"Account suspended\",\"code\":5}");
        // the account has no session and its feed answers only errors: no event can be published in this run
        assertThat(h.readToEnd()).isEmpty();
    }

    @Test
    void anErrorOnTheSocketIoFeedIsAClearErrorAndPublishesNothing() {
        h.vendor.failFeed("Account suspended");
        h.start("socketio");
        // the socket.io client (org.json) does not keep the vendor's key order
        awaitLog("Tradernet feed answered an error: {\"code\":5,\"errMsg\":\"Account suspended\"}");
        // the account has no session and its feed answers only errors: no event can be published in this run
        assertThat(h.readToEnd()).isEmpty();
    }

    @Test
    void anAnswerThatStallsAfterItsHeadersIsATimeoutAndTheNextLoginGoesOn() {
        h.world.open("virtual@virtual.com", "Login, password", Instant.now(), Duration.ofHours(1), "19.16.32.32");
        // the login's headers come at once, its body only after two minutes: a JDK request timeout alone would wait
        h.vendor.server().inject(Fault.slowBody(Duration.ofMinutes(2).toMillis()));
        h.start("websocket", Map.of("sessionflow.http.timeout", "1s",
                "sessionflow.tradernet.reconnect-initial-delay", "100ms"));
        awaitLog("Tradernet login failed: HttpTimeoutException");
        assertThat(h.awaitEvents(1)).hasSize(1);
    }

    @Test
    void thePasswordAndTheSidAppearInNoLogLine() {
        TradernetWorld.Session a = h.world.open(
                "virtual@virtual.com", "Login, password", Instant.now(), Duration.ofHours(1), "19.16.32.32");
        h.start("websocket", Map.of("sessionflow.tradernet.reconnect-initial-delay", "100ms"));
        h.awaitEvents(1);
        // every path that handles the SID: a drop, a dead SID (snapshot refused, fresh login), a feed error
        h.vendor.dropConnections();
        h.vendor.invalidateSids();
        h.world.close(a.id());
        h.awaitEvents(2);
        h.vendor.failFeed("Bad SID");
        h.vendor.dropConnections();
        awaitLog("Tradernet feed answered an error");
        h.vendor.failFeed(null);
        h.awaitSnapshots(h.vendor.snapshotCount() + 1);

        assertThat(h.vendor.issuedSids()).hasSizeGreaterThanOrEqualTo(2);
        String text = allLogText();
        assertThat(text).doesNotContain(TradernetHarness.PASSWORD);
        for (String sid : h.vendor.issuedSids()) {
            assertThat(text).doesNotContain(sid);
        }
        assertThat(text).contains("Tradernet getSecuritySessions failed: Bad SID");
    }

    private void awaitLog(String expected) {
        await("a log line containing '" + expected + "'").atMost(TradernetHarness.WAIT)
                .until(() -> allLogText().contains(expected));
    }

    /** Every captured line with its exception chain: what an operator would see. */
    private String allLogText() {
        List<ILoggingEvent> events;
        synchronized (logs) {
            events = new ArrayList<>(logs.list);
        }
        StringBuilder out = new StringBuilder();
        for (ILoggingEvent e : events) {
            out.append(e.getFormattedMessage()).append('\n');
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                out.append(t.getClassName()).append(": ").append(t.getMessage()).append('\n');
            }
        }
        return out.toString();
    }
}
