package io.sessionflow.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.awaitility.Awaitility;

/**
 * A Camel user's own application: camel-main with the YAML DSL running the route files of a folder, with the
 * Kamelets from the classpath as a user with sessionflow.jar on theirs gets them. It counts the polls the Kamelets
 * completed (their timer exchanges, not the events split from them), so a test waits for the next committed poll
 * instead of sleeping.
 */
public final class CamelUserRoute implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final Main main = new Main();
    private final AtomicInteger committed = new AtomicInteger();

    private CamelUserRoute() {
    }

    /** @param properties property placeholders the routes use ({@code {{webinar.token}}}) */
    public static CamelUserRoute start(Path routes, Map<String, String> properties, Map<String, Object> beans) {
        CamelUserRoute user = new CamelUserRoute();
        user.main.configure().withRoutesIncludePattern("file:" + routes.toAbsolutePath() + "/*.yaml");
        Properties p = new Properties();
        p.putAll(properties);
        user.main.setOverrideProperties(p);
        beans.forEach(user.main::bind);
        user.main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport support) {
                support.getCamelContext().getManagementStrategy().addEventNotifier(user.new Polls());
            }
        });
        try {
            user.main.start();
        } catch (Exception e) {
            user.main.stop();
            throw new IllegalStateException(e);
        }
        return user;
    }

    public MockEndpoint mock(String uri) {
        return main.getCamelContext().getEndpoint(uri, MockEndpoint.class);
    }

    /** The bodies a mock endpoint received, in order. */
    public List<String> bodies(String mock) {
        return mock(mock).getReceivedExchanges().stream().map(e -> e.getMessage().getBody(String.class)).toList();
    }

    /** Waits until the Kamelets have completed (and so committed) {@code polls} polls since the start. */
    public void awaitCommittedPolls(int polls) {
        Awaitility.await().atMost(WAIT).until(() -> committed.get() >= polls);
    }

    public int committedPolls() {
        return committed.get();
    }

    @Override
    public void close() {
        main.stop();
    }

    /** A Kamelet's poll: an exchange of its timer route, not one of the events split from it. */
    private final class Polls extends EventNotifierSupport {
        @Override
        public void notify(CamelEvent event) {
            if (event instanceof CamelEvent.ExchangeCompletedEvent done && isPoll(done.getExchange())
                    && !done.getExchange().isFailed()) {
                committed.incrementAndGet();
            }
        }

        private static boolean isPoll(Exchange e) {
            return e.getFromRouteId() != null && e.getFromRouteId().matches(".*-session-source-\\d+")
                    && e.getProperty(ExchangePropertyKey.SPLIT_INDEX) == null;
        }
    }
}
