package io.sessionflow.source.ispring;

import java.util.Map;

/**
 * The vendor document spells its namespace two ways: the request uses {@code ispringlearn.ru} (as the WSDL
 * does), the example response {@code ispringlearn.com}. Answers in either are read: elements of the .com
 * namespace are renamed into the WSDL namespace while parsing, before JAXB sees them.
 */
public final class IspringNamespaces {
    public static final String WSDL = "http://ispringlearn.ru/go/services/api/soap";
    public static final String DOCUMENT_RESPONSE = "http://ispringlearn.com/go/services/api/soap";

    private IspringNamespaces() {
    }

    /** In the form of CXF's {@code inTransformElements}: every .com element becomes the same .ru element. */
    public static Map<String, String> inboundTransform() {
        return Map.of("{" + DOCUMENT_RESPONSE + "}*", "{" + WSDL + "}*");
    }
}
