package io.sessionflow.security;

import static io.sessionflow.testing.Wait.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.sessionflow.app.AclsCommand;
import io.sessionflow.app.KafkaConnection;
import io.sessionflow.config.Settings;
import io.sessionflow.delivery.JavaProcess;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.kafka.KafkaRefusal;
import io.sessionflow.kafka.Topics;
import io.sessionflow.source.webinar.WebinarSimulator;
import io.sessionflow.source.webinar.WebinarWorld;
import io.sessionflow.testing.LogCapture;
import io.sessionflow.testing.Pipeline;
import io.sessionflow.testing.SecuredKafka;
import io.sessionflow.verify.EventsTopic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.tools.AclCommand;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Issue 19 on a broker that enforces authentication and ACLs (SASL/SCRAM, the standard authorizer): the ACLs are
 * granted by running what {@code sessionflow acls} prints through Kafka's own kafka-acls.sh, and nothing else.
 */
class SecuredKafkaTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TOKEN = "secured-kafka-token";
    private final String bootstrap = SecuredKafka.bootstrapServers();
    private final Topics topics = newTopics();

    @Test
    void thePipelineRunsWithExactlyItsListedAclsAndAnEventsConsumerReadsEventsAndNothingElse() throws Exception {
        SecuredKafka.User pipelineUser = SecuredKafka.newUser("pipeline");
        SecuredKafka.User consumerUser = SecuredKafka.newUser("consumer");
        grant("pipeline", pipelineUser);
        grant("consumer", consumerUser);
        String accounts = accountsTopic();
        Instant t0 = Instant.parse("2026-11-20T09:00:00Z");
        WebinarWorld world = new WebinarWorld();
        world.schedule("Quarterly results", t0, t0.plusSeconds(7200));
        WebinarWorld.Session live = world.schedule("Product demo", t0, t0.plusSeconds(600));
        world.start(live.id, t0.plusSeconds(600));
        world.join(live.id, new WebinarWorld.User("274", "Юрий", "Барсуклв", "krondor@inbox.ru"), t0.plusSeconds(660));

        Logger kafkaLog = (Logger) LoggerFactory.getLogger("org.apache.kafka");
        Level level = kafkaLog.getLevel();
        kafkaLog.setLevel(Level.INFO); // the clients' own configuration dumps are part of "any log line"
        try (LogCapture log = new LogCapture(); WebinarSimulator vendor = new WebinarSimulator(world, TOKEN)) {
            Map<String, String> settings = settings(pipelineUser);
            settings.putAll(Map.of("sessionflow.webinar.base-url", vendor.baseUrl(), "sessionflow.webinar.token", TOKEN,
                    "sessionflow.webinar.poll-interval", "300ms", "sessionflow.webinar.window-past", "3650d"));
            try (Pipeline pipeline = Pipeline.startOn(bootstrap, topics, settings, Clock.systemUTC())) {
                await().atMost(WAIT).until(() -> log.lines().stream()
                        .anyMatch(l -> l.contains("webinar/default: committed 4 events")));
            }

            KafkaConnection.reading(Settings.from(Map.of(), new Properties(), settings(consumerUser))).close();
            List<SessionEvent> events = EventsTopic.readAll(bootstrap, topics.events());
            assertThat(events)
                    .extracting(e -> e.type().type())
                    .containsExactlyInAnyOrder(
                            "sessionflow.session.scheduled",
                            "sessionflow.session.scheduled",
                            "sessionflow.session.started",
                            "sessionflow.participant.joined");
            for (String refused : List.of(topics.raw(), topics.state(), accounts)) {
                Throwable error = catchThrowable(() -> EventsTopic.readAll(bootstrap, refused));
                assertThat(KafkaRefusal.line(error, bootstrap, "Read", null))
                        .as("reading " + refused)
                        .contains("Kafka at " + bootstrap + ": " + consumerUser.principal()
                                + " is not allowed to Read topic " + refused);
            }

            assertThat(log.lines()).as("the clients' configuration was logged, its secrets hidden")
                    .anyMatch(l -> l.contains("sasl.jaas.config = [hidden]"));
            assertThat(log.lines())
                    .noneMatch(l -> l.contains(pipelineUser.password()) || l.contains(consumerUser.password()));
        } finally {
            kafkaLog.setLevel(level);
        }
    }

    @Test
    void aPipelineMissingAnAclStopsAtStartWithOneLineNamingPrincipalOperationAndResource() throws Exception {
        SecuredKafka.User user = SecuredKafka.newUser("unlisted");
        Throwable none = catchThrowable(() -> Pipeline.startOn(bootstrap, topics, settings(user), Clock.systemUTC()));
        assertThat(KafkaRefusal.line(none)).contains("Kafka at " + bootstrap + ": " + user.principal()
                + " is not allowed to Create topic " + topics.events());

        List<String> withoutTransactionalIds = lines("pipeline", user).stream()
                .filter(l -> !l.contains("--transactional-id")).toList();
        apply(withoutTransactionalIds);
        Throwable partly = catchThrowable(() -> Pipeline.startOn(bootstrap, topics, settings(user), Clock.systemUTC()));
        assertThat(KafkaRefusal.line(partly)).contains("Kafka at " + bootstrap + ": " + user.principal()
                + " is not allowed to Write transactional id sessionflow-" + cluster() + "-shard-0");
    }

    @Test
    void aWrongPasswordIsOneLineAndExitCode2WithoutARetryOrAStackTrace() throws Exception {
        SecuredKafka.User user = SecuredKafka.newUser("mistyped");
        Path config = Files.writeString(user.clientConfig().resolveSibling(user.name() + "-env.properties"), """
                security.protocol=SASL_PLAINTEXT
                sasl.mechanism=SCRAM-SHA-512
                sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \\
                  username="%s" password="${env:KAFKA_PASSWORD}";
                """.formatted(user.name()));
        String wrong = "wrong-" + UUID.randomUUID();
        JavaProcess verify = JavaProcess.start("verify-wrong-password-" + user.name(), "io.sessionflow.Sessionflow",
                List.of("verify", "--topic", topics.events()), Map.of("SESSIONFLOW_KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                        "SESSIONFLOW_KAFKA_CONFIG", config.toString(), "KAFKA_PASSWORD", wrong));

        assertThat(verify.exitCode(60)).isEqualTo(2);
        List<String> output = verify.output().lines().toList();
        assertThat(output).containsExactly("verify: Kafka at " + bootstrap
                + " did not authenticate " + user.principal() + ": Authentication failed during authentication due to "
                + "invalid credentials with SASL mechanism SCRAM-SHA-512");
    }

    private Map<String, String> settings(SecuredKafka.User user) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("sessionflow.cluster", cluster());
        s.put("sessionflow.kafka.bootstrap-servers", bootstrap);
        s.put("sessionflow.kafka.config", user.clientConfig().toString());
        s.put("sessionflow.instance-id", "test-" + topics.events());
        s.put("sessionflow.topics.events", topics.events());
        s.put("sessionflow.topics.raw", topics.raw());
        s.put("sessionflow.topics.dlq", topics.dlq());
        s.put("sessionflow.topics.state", topics.state());
        s.put("sessionflow.topics.watermarks", topics.watermarks());
        return s;
    }

    private List<String> lines(String role, SecuredKafka.User user) {
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        AclsCommand.run(new String[] {"--role", role, "--principal", user.principal()},
                Settings.from(Map.of(), new Properties(), settings(user)),
                new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        return printed.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
    }

    private void grant(String role, SecuredKafka.User user) throws Exception {
        apply(lines(role, user));
    }

    /** Runs each printed kafka-acls.sh command with Kafka's own AclCommand, as the broker's administrator. */
    private void apply(List<String> printed) throws Exception {
        Properties admin = SecuredKafka.broker().adminProperties();
        String adminBootstrap = (String) admin.remove("bootstrap.servers");
        Path adminConfig = Files.createTempFile("admin", ".properties");
        try (var out = Files.newBufferedWriter(adminConfig)) {
            admin.store(out, null);
        }
        Exit.setExitProcedure((code, message) -> {
            throw new AssertionError("kafka-acls.sh exited " + code + ": " + message);
        });
        try {
            for (String line : printed) {
                if (line.startsWith("#")) {
                    continue;
                }
                assertThat(line)
                        .startsWith("kafka-acls.sh --bootstrap-server " + bootstrap
                                + " --command-config admin.properties ");
                List<String> args = new ArrayList<>();
                for (String word : line.replace(
                                "--bootstrap-server " + bootstrap, "--bootstrap-server " + adminBootstrap)
                        .replace("admin.properties", adminConfig.toString())
                        .split(" ")) {
                    args.add(word.replace("'", ""));
                }
                AclCommand.main(args.subList(1, args.size()).toArray(String[]::new));
            }
        } finally {
            Exit.resetExitProcedure();
            Files.deleteIfExists(adminConfig);
        }
    }

    /** The cluster {@link Pipeline} names after the topics, so each test's pipeline has a cluster of its own. */
    private String cluster() {
        return topics.events().substring(0, topics.events().lastIndexOf('.'));
    }

    /** The accounts topic that instances will read: present here, so refusing it is about the ACL, not its absence. */
    private String accountsTopic() throws Exception {
        String accounts = cluster() + ".accounts";
        try (Admin admin = Admin.create(SecuredKafka.broker().adminProperties())) {
            if (!admin.listTopics().names().get().contains(accounts)) {
                admin.createTopics(List.of(new NewTopic(accounts, 1, (short) 1))).all().get();
            }
        }
        return accounts;
    }

    private static Topics newTopics() {
        String prefix = "s" + UUID.randomUUID().toString().substring(0, 8);
        return Topics.prefixed(prefix);
    }
}
