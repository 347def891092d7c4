package io.sessionflow.source.ispring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sessionflow.source.ispring.soap.ListSessionsByTrainingResult;
import io.sessionflow.source.ispring.soap.TrainingSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SOAP client alone, over real HTTP against the simulator: answers, faults, namespaces, hostile XML. */
class IspringSoapClientTest {
    private static final String TOKEN = "client-test-token";
    private static final String TRAINING = "b431d5a0-2d14-11ed-b56c-0242c0a87043";
    private final IspringWorld world = new IspringWorld();
    private IspringSimulator vendor;
    private CamelContext camel;

    @BeforeEach
    void start() {
        vendor = new IspringSimulator(world, TOKEN);
        camel = new DefaultCamelContext();
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
        vendor.close();
    }

    private IspringSoapClient client(String token) {
        return new IspringSoapClient(
                IspringEndpoint.create(camel, vendor.url(), Duration.ofSeconds(30), 1_000_000, null),
                camel.createProducerTemplate(),
                token);
    }

    @Test
    void readsTheSessionsOfATrainingWithANilInstructor() {
        world.schedule(TRAINING, "Сессия 1", OffsetDateTime.parse("2023-03-31T15:30:00-07:00"), 7200, null);
        world.schedule(TRAINING, "Сессия 2", OffsetDateTime.parse("2023-04-11T12:30:00+03:00"), 3600, "Олег Смирнов");

        ListSessionsByTrainingResult result = client(TOKEN).listSessions(TRAINING).result();

        assertThat(result.getTrainingSession())
                .extracting(TrainingSession::getTitle, TrainingSession::getStartTime, TrainingSession::getDuration)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Сессия 1", "2023-03-31T15:30-07:00", "7200"),
                        org.assertj.core.groups.Tuple.tuple("Сессия 2", "2023-04-11T12:30+03:00", "3600"));
        assertThat(result.getTrainingSession().get(0).getInstructor().isNil()).isTrue();
        assertThat(result.getTrainingSession().get(1).getInstructor().getValue()).isEqualTo("Олег Смирнов");
    }

    @Test
    void readsAnAnswerInTheDocumentsDotComNamespaceAsTheWsdlNamespace() {
        world.answerInNamespace(IspringNamespaces.DOCUMENT_RESPONSE);
        world.schedule(TRAINING, "Сессия 2", OffsetDateTime.parse("2023-04-11T12:30:00+03:00"), 3600, "Олег Смирнов");

        IspringAnswer answer = client(TOKEN).listSessions(TRAINING);
        ListSessionsByTrainingResult result = answer.result();

        assertThat(result.getTrainingSession()).extracting(TrainingSession::getTitle).containsExactly("Сессия 2");
        assertThat(new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8))
                .as("the raw answer is kept as received, .com namespace included")
                .contains("xmlns:ns1=\"" + IspringNamespaces.DOCUMENT_RESPONSE + "\"")
                .contains("<ns1:title>Сессия 2</ns1:title>");
        assertThat(result.getTrainingSession().get(0).getInstructor().getValue()).isEqualTo("Олег Смирнов");
    }

    @Test
    void aSoapFaultBecomesAnErrorNamingTheTrainingAndTheFault() {
        world.addTraining(TRAINING);
        assertThatThrownBy(() -> client("wrong-token").listSessions(TRAINING))
                .isInstanceOf(IspringCallException.class)
                .hasMessage("iSpring ListSessionsByTraining trainingId=" + TRAINING
                        + " failed: SOAP Fault 'Permission denied' (Client)")
                .satisfies(e -> assertThat(((IspringCallException) e).isTransient())
                        .as("a fault is the vendor's answer: asking again gets the same one").isFalse());
        assertThatThrownBy(() -> client(TOKEN).listSessions("no-such-training"))
                .hasMessage("iSpring ListSessionsByTraining trainingId=no-such-training"
                        + " failed: SOAP Fault 'Wrong parameters' (Client)");
    }

    @Test
    void aTransportErrorNamesTheTraining() {
        vendor.close();
        assertThatThrownBy(() -> client(TOKEN).listSessions(TRAINING))
                .isInstanceOf(IspringCallException.class)
                .hasMessageStartingWith("iSpring ListSessionsByTraining trainingId=" + TRAINING + " failed: ")
                .hasMessageContaining("ConnectException")
                .satisfies(e -> assertThat(((IspringCallException) e).isTransient())
                        .as("a transport error is retried by the shared fault policy").isTrue());
    }

    @Test
    void refusesAnAnswerWithADoctypeAndResolvesNoEntity(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "CANARY-7f3a91");
        world.answerWithExternalEntity(TRAINING, secret);

        assertThatThrownBy(() -> client(TOKEN).listSessions(TRAINING))
                .isInstanceOf(IspringCallException.class)
                .hasMessageStartingWith("iSpring ListSessionsByTraining trainingId=" + TRAINING + " failed: ")
                .hasMessageContaining("the answer declares a DOCTYPE; DTDs and external entities are refused")
                .satisfies(e -> assertThat(fullText(e)).doesNotContain("CANARY-7f3a91"))
                .satisfies(e -> assertThat(((IspringCallException) e).isTransient()).isFalse());
    }

    private static String fullText(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            out.append(t).append('\n');
        }
        return out.toString();
    }
}
