package io.sessionflow.source.ispring;

import io.sessionflow.source.ispring.soap.ListSessionsByTrainingResult;
import jakarta.xml.bind.JAXBException;
import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * Reads a ListSessionsByTraining SOAP answer as received (the bytes the raw topic archives) into the generated
 * types, as the live CXF client does: DOCTYPEs refused before parsing, a StAX reader without DTD support or
 * external entities, elements of the document's {@code .com} namespace read as the WSDL's.
 */
public final class IspringAnswerReader {
    private static final String RESULT = "ListSessionsByTrainingResult";
    private static final XMLInputFactory XML = hardenedFactory();

    private IspringAnswerReader() {
    }

    /** @throws IspringCallException when the answer is refused, unreadable or holds no result */
    public static IspringAnswer read(String trainingId, byte[] answer) {
        if (RefuseDoctypeInterceptor.declaresDoctype(answer)) {
            throw new IspringCallException(trainingId, "the answer declares a DOCTYPE; refused", null);
        }
        try {
            XMLStreamReader reader = new InWsdlNamespace(XML.createXMLStreamReader(new ByteArrayInputStream(answer)));
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT && RESULT.equals(reader.getLocalName())
                        && IspringNamespaces.WSDL.equals(reader.getNamespaceURI())) {
                    ListSessionsByTrainingResult result = IspringJaxb.CONTEXT.createUnmarshaller()
                            .unmarshal(reader, ListSessionsByTrainingResult.class).getValue();
                    return new IspringAnswer(result, answer);
                }
            }
        } catch (XMLStreamException | JAXBException e) {
            throw new IspringCallException(trainingId, "the answer could not be read: " + e.getMessage(), e);
        }
        throw new IspringCallException(trainingId, "the answer held no ListSessionsByTrainingResult", null);
    }

    private static XMLInputFactory hardenedFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    /** What CXF's inbound transform does live ({@link IspringNamespaces#inboundTransform()}). */
    private static final class InWsdlNamespace extends StreamReaderDelegate {
        InWsdlNamespace(XMLStreamReader reader) {
            super(reader);
        }

        @Override
        public String getNamespaceURI() {
            return inWsdl(super.getNamespaceURI());
        }

        @Override
        public String getAttributeNamespace(int index) {
            return inWsdl(super.getAttributeNamespace(index));
        }

        private static String inWsdl(String namespace) {
            return IspringNamespaces.DOCUMENT_RESPONSE.equals(namespace) ? IspringNamespaces.WSDL : namespace;
        }
    }
}
