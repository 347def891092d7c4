package io.sessionflow.source.ispring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.apache.cxf.staxutils.StaxUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both lines of defence against DTDs and external entities, each on its own. */
class IspringXmlHardeningTest {

    @Test
    void theGuardSeesADoctypeInThePrologOnly() {
        assertThat(RefuseDoctypeInterceptor.declaresDoctype(bytes("<?xml version=\"1.0\"?><!-- hi -->"
                + "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/hostname\">]><x>&e;</x>"))).isTrue();
        assertThat(RefuseDoctypeInterceptor.declaresDoctype(bytes("<x><![CDATA[<!DOCTYPE quoted>]]></x>")))
                .as("a DOCTYPE quoted in the body is text, not a declaration").isFalse();
        assertThat(RefuseDoctypeInterceptor.declaresDoctype(bytes("<?xml version=\"1.0\"?><x>&lt;!DOCTYPE</x>")))
                .isFalse();
    }

    @Test
    void cxfsStaxReaderResolvesNoExternalEntityEvenWithoutTheGuard(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "CANARY-b5d0");
        String hostile = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY canary SYSTEM \"" + secret.toUri() + "\">]>"
                + "<r>before &canary; after</r>";
        StringBuilder text = new StringBuilder();
        java.util.List<String> entityReferences = new java.util.ArrayList<>();

        XMLStreamReader reader = StaxUtils.createXMLStreamReader(new StringReader(hostile));
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.CHARACTERS) {
                text.append(reader.getText());
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                entityReferences.add(reader.getLocalName() + "=" + reader.getText());
            }
        }

        assertThat(text.toString()).as("the file is not read into the text").doesNotContain("CANARY-b5d0")
                .contains("before").contains("after");
        assertThat(entityReferences).as("the entity stays an unresolved reference").hasSize(1)
                .allSatisfy(r -> assertThat(r).startsWith("canary=").doesNotContain("CANARY-b5d0"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
