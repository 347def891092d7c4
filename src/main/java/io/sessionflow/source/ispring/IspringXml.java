package io.sessionflow.source.ispring;

import io.sessionflow.source.ispring.soap.TrainingSession;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.StringWriter;
import javax.xml.namespace.QName;

/**
 * One parsed trainingSession written back as XML, for the dead-letter topic: the answer is split into
 * sessions after parsing, so this is the session as understood (in the WSDL namespace).
 */
final class IspringXml {
    private static final QName TRAINING_SESSION = new QName(IspringNamespaces.WSDL, "trainingSession");

    private IspringXml() {
    }

    static String of(TrainingSession session) {
        return write(new JAXBElement<>(TRAINING_SESSION, TrainingSession.class, session));
    }

    private static String write(Object value) {
        try {
            Marshaller marshaller = IspringJaxb.CONTEXT.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_FRAGMENT, true);
            StringWriter out = new StringWriter();
            marshaller.marshal(value, out);
            return out.toString();
        } catch (JAXBException e) {
            return "<unprintable: " + e.getMessage() + ">";
        }
    }
}
