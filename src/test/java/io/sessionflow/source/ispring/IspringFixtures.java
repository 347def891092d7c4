package io.sessionflow.source.ispring;

import io.sessionflow.source.SourceRecord;
import io.sessionflow.source.ispring.soap.ListSessionsByTrainingResult;
import io.sessionflow.source.ispring.soap.ObjectFactory;
import io.sessionflow.source.ispring.soap.TrainingSession;
import jakarta.xml.bind.JAXBContext;
import java.io.InputStream;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.apache.cxf.staxutils.StaxUtils;
import org.apache.cxf.staxutils.transform.InTransformReader;

/**
 * Reads a vendor envelope from src/test/resources/fixtures/ispring the way the client reads an answer: CXF's
 * hardened StAX reader, the same .com to .ru namespace transform, then JAXB into the generated types.
 */
final class IspringFixtures {
    private IspringFixtures() {
    }

    static ListSessionsByTrainingResult result(String fixture) throws Exception {
        try (InputStream in = IspringFixtures.class.getResourceAsStream("/fixtures/ispring/" + fixture)) {
            XMLStreamReader reader = new InTransformReader(StaxUtils.createXMLStreamReader(in),
                    IspringNamespaces.inboundTransform(), null, false);
            while (!(reader.getEventType() == XMLStreamConstants.START_ELEMENT
                    && reader.getLocalName().equals("ListSessionsByTrainingResult"))) {
                reader.next();
            }
            return JAXBContext.newInstance(ObjectFactory.class).createUnmarshaller()
                    .unmarshal(reader, ListSessionsByTrainingResult.class).getValue();
        }
    }

    /** The records the fetcher would make of this answer for the training. */
    static List<SourceRecord<IspringPayload>> records(String trainingId, ListSessionsByTrainingResult result) {
        String endpoint = IspringRequests.describe(trainingId);
        return result.getTrainingSession().stream()
                .map((TrainingSession s) -> new SourceRecord<>(trainingId, endpoint, new IspringPayload(trainingId, s),
                        IspringXml.of(s)))
                .toList();
    }
}
