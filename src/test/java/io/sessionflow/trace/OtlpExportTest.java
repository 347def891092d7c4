package io.sessionflow.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.delivery.JavaProcess;
import io.sessionflow.source.webinar.WebinarSimulator;
import io.sessionflow.source.webinar.WebinarWorld;
import io.sessionflow.testing.SharedKafka;
import io.sessionflow.testing.TopicReader;
import io.sessionflow.testing.Wait;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The exporter path, in a pipeline process of its own configured only by its environment: with OTEL_* pointing at a
 * loopback OTLP receiver its spans arrive there; with no OTEL_* at all, nothing connects to the OTLP default ports
 * and the records carry no trace.
 */
class OtlpExportTest {
    private static final String TOKEN = "otlp-token";
    private final String prefix = "otlp" + UUID.randomUUID().toString().substring(0, 8);
    private final WebinarWorld world = new WebinarWorld();

    /** The topics exist before the pipeline process starts, so the test's readers can open them at once. */
    @org.junit.jupiter.api.BeforeEach
    void topics() {
        io.sessionflow.kafka.TopicSetup.ensure(SharedKafka.bootstrapServers(), io.sessionflow.kafka.TopicPlan.of(
                io.sessionflow.kafka.Topics.prefixed(prefix),
                io.sessionflow.config.Settings.from(Map.of(), new java.util.Properties(), Map.of())));
    }

    @Test
    void spansOfAPollArriveAtTheOtlpEndpointTheEnvironmentNames() throws Exception {
        world.schedule("Exported", Instant.now(), Instant.now().plusSeconds(600));
        try (OtlpReceiver receiver = new OtlpReceiver(); WebinarSimulator vendor = new WebinarSimulator(world, TOKEN)) {
            Map<String, String> env = env(vendor);
            env.put("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint());
            env.put("OTEL_BSP_SCHEDULE_DELAY", "100");
            JavaProcess pipeline = JavaProcess.start(prefix + "-pipeline", "io.sessionflow.Sessionflow",
                    List.of("run"), env);
            try (TopicReader events = new TopicReader(SharedKafka.bootstrapServers(), prefix + ".events")) {
                ConsumerRecord<String, byte[]> event = events.awaitCount(1, Duration.ofSeconds(90)).get(0);
                String traceparent = new String(event.headers().lastHeader("traceparent").value(),
                        StandardCharsets.US_ASCII);
                byte[] traceId = HexFormat.of().parseHex(traceparent.split("-")[1]);
                // spans are exported as they end: the vendor requests first, the transaction and the poll after
                List<String> names = List.of("webinar-rest-poll", "publish webinar/default", "webinar GET");
                try {
                    Wait.await("the event's trace and spans exported").atMost(Duration.ofSeconds(30))
                            .until(() -> contains(receiver.received(), traceId) && names.stream().allMatch(n ->
                                    contains(receiver.received(), n.getBytes(StandardCharsets.UTF_8))));
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    throw new AssertionError("the event's trace " + traceparent + " and spans " + names
                            + " exported; " + pipeline.output(), e);
                }
                assertThat(new String(receiver.received(), StandardCharsets.ISO_8859_1))
                        .as("the resource names the service").contains("sessionflow");
            } finally {
                pipeline.terminate(60);
            }
        }
    }

    @Test
    void withoutOtelVariablesNothingIsSentAndRecordsCarryNoTrace() throws Exception {
        world.schedule("Quiet", Instant.now(), Instant.now().plusSeconds(600));
        AtomicInteger connections = new AtomicInteger();
        List<ServerSocket> defaults = listenOnOtlpDefaults(connections);
        try (WebinarSimulator vendor = new WebinarSimulator(world, TOKEN)) {
            JavaProcess pipeline = JavaProcess.start(prefix + "-pipeline", "io.sessionflow.Sessionflow",
                    List.of("run"), env(vendor));
            try (TopicReader events = new TopicReader(SharedKafka.bootstrapServers(), prefix + ".events");
                 TopicReader watermarks = new TopicReader(SharedKafka.bootstrapServers(), prefix + ".watermarks")) {
                List<ConsumerRecord<String, byte[]>> published = events.awaitCount(1, Duration.ofSeconds(90));
                // several committed polls after the first events: a batch exporter would have sent by then
                List<ConsumerRecord<String, byte[]>> marks = watermarks.awaitCount(10, Duration.ofSeconds(60));
                pipeline.terminate(60);
                assertThat(pipeline.output()).contains("stopped cleanly");
                assertThat(published).allSatisfy(r -> assertThat(r.headers().lastHeader("traceparent")).isNull());
                assertThat(marks).allSatisfy(r -> assertThat(r.headers().lastHeader("traceparent")).isNull());
                assertThat(connections).as("connections to the OTLP default ports (4317, 4318)").hasValue(0);
            }
        } finally {
            for (ServerSocket s : defaults) {
                s.close();
            }
        }
    }

    private Map<String, String> env(WebinarSimulator vendor) {
        Map<String, String> env = new HashMap<>();
        env.put("SESSIONFLOW_KAFKA_BOOTSTRAP_SERVERS", SharedKafka.bootstrapServers());
        env.put("SESSIONFLOW_CLUSTER", prefix);
        env.put("SESSIONFLOW_INSTANCE_ID", prefix);
        env.put("SESSIONFLOW_OBSERVE_PORT", "0");
        for (String topic : List.of("events", "raw", "dlq", "state", "watermarks")) {
            env.put("SESSIONFLOW_TOPICS_" + topic.toUpperCase(java.util.Locale.ROOT), prefix + "." + topic);
        }
        env.put("SESSIONFLOW_ROUTES_DIR", Path.of("routes").toAbsolutePath().toString());
        env.put("SESSIONFLOW_WEBINAR_BASE_URL", vendor.baseUrl());
        env.put("SESSIONFLOW_WEBINAR_TOKEN", TOKEN);
        env.put("SESSIONFLOW_WEBINAR_POLL_INTERVAL", "300ms");
        return env;
    }

    /** Where an SDK configured by default would send (gRPC 4317, HTTP 4318 on localhost): each connection counted. */
    private static List<ServerSocket> listenOnOtlpDefaults(AtomicInteger connections) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        for (String host : List.of("127.0.0.1", "::1")) {
            InetAddress address = InetAddress.getByName(host);
            for (int port : new int[] {4317, 4318}) {
                ServerSocket socket = new ServerSocket();
                try {
                    socket.bind(new InetSocketAddress(address, port));
                } catch (IOException e) {
                    socket.close();
                    if (host.equals("::1") && e instanceof java.net.BindException
                            && !(e.getMessage() != null && e.getMessage().contains("in use"))) {
                        continue; // no IPv6 loopback on this machine: nothing can connect there either
                    }
                    sockets.forEach(OtlpExportTest::closeQuietly);
                    throw new IllegalStateException("this test listens on " + host + ":" + port
                            + " (the OTLP default) and it is taken: stop what uses it and run it again", e);
                }
                sockets.add(socket);
                Thread accepter = new Thread(() -> {
                    while (!socket.isClosed()) {
                        try (Socket ignored = socket.accept()) {
                            connections.incrementAndGet();
                        } catch (IOException closed) {
                            return;
                        }
                    }
                }, "otlp-default-" + port);
                accepter.setDaemon(true);
                accepter.start();
            }
        }
        return sockets;
    }

    private static void closeQuietly(ServerSocket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing a listener the test gives up on
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }
}
