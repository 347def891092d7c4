package io.sessionflow.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sessionflow.demo.SimulatedHttpServer;
import io.sessionflow.demo.SimulatedHttpServer.Fault;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The client of the operations server (the health command, the tests' scrapes) never hangs on an answer. */
class OperationsHttpTest {
    private final List<SimulatedHttpServer.Request> asked = new CopyOnWriteArrayList<>();

    @Test
    void asksInHttp11WithoutOfferingAnUpgradeToHttp2() throws Exception {
        try (SimulatedHttpServer server = new SimulatedHttpServer("/observe", this::answer)) {
            HttpResponse<String> answer = OperationsHttp.get(URI.create(server.baseUrl() + "/metrics"),
                    Duration.ofSeconds(10));
            assertThat(answer.body()).isEqualTo("{\"up\":1}");
            assertThat(answer.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
            assertThat(asked).singleElement().satisfies(r -> {
                assertThat(r.header("Upgrade")).isNull();
                assertThat(r.header("HTTP2-Settings")).isNull();
            });
        }
    }

    @Test
    void anAnswerThatStallsAfterItsHeadersFailsWithinTheBound() {
        try (SimulatedHttpServer server = new SimulatedHttpServer("/observe", this::answer)) {
            server.inject(Fault.slowBody(Duration.ofMinutes(2).toMillis()));
            long start = System.nanoTime();
            assertThatThrownBy(() -> OperationsHttp.get(URI.create(server.baseUrl() + "/metrics"),
                    Duration.ofSeconds(1))).isInstanceOf(HttpTimeoutException.class)
                    .hasMessage("no whole answer within PT1S");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        }
    }

    private SimulatedHttpServer.Response answer(SimulatedHttpServer.Request request) {
        asked.add(request);
        return SimulatedHttpServer.Response.json(200, "{\"up\":1}");
    }
}
