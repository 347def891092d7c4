package io.sessionflow.source.ispring;

import io.sessionflow.source.ispring.soap.ObjectFactory;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;

/** The one JAXB context of the types generated from the iSpring WSDL: costly to build, safe to share. */
final class IspringJaxb {
    static final JAXBContext CONTEXT = create();

    private IspringJaxb() {
    }

    private static JAXBContext create() {
        try {
            return JAXBContext.newInstance(ObjectFactory.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("the generated iSpring types are not a JAXB context", e);
        }
    }
}
