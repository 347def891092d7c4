package io.sessionflow.source.ispring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archived SOAP answers are read like live ones: either namespace, and never a DTD or an external entity. */
class IspringAnswerReaderTest {
    private static final String TRAINING = "b431d5a0-2d14-11ed-b56c-0242c0a87043";

    @Test
    void readsTheSessionsOfAnAnswerInTheDocumentsNamespace() {
        byte[] answer = envelope("", IspringNamespaces.DOCUMENT_RESPONSE, "s-1");

        IspringAnswer read = IspringAnswerReader.read(TRAINING, answer);

        assertThat(read.result().getTrainingSession()).singleElement()
                .satisfies(s -> assertThat(s.getId()).isEqualTo("s-1"));
        assertThat(read.body()).isEqualTo(answer);
    }

    @Test
    void refusesAnAnswerWithADoctypeWithoutResolvingItsEntity(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "CANARY");
        String doctype = "<!DOCTYPE SOAP-ENV:Envelope [<!ENTITY canary SYSTEM \"" + secret.toUri() + "\">]>";

        assertThatThrownBy(
                        () -> IspringAnswerReader.read(TRAINING, envelope(doctype, IspringNamespaces.WSDL, "&canary;")))
                .isInstanceOf(IspringCallException.class)
                .hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining("CANARY");
    }

    private static byte[] envelope(String doctype, String namespace, String sessionId) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + doctype
                + "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:ns1=\""
                + namespace + "\"><SOAP-ENV:Body><ns1:ListSessionsByTrainingResult><ns1:trainingSession>"
                + "<ns1:id>" + sessionId + "</ns1:id>"
                + "</ns1:trainingSession></ns1:ListSessionsByTrainingResult></SOAP-ENV:Body></SOAP-ENV:Envelope>")
                .getBytes(StandardCharsets.UTF_8);
    }
}
