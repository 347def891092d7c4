package io.sessionflow.source.ispring;

import java.nio.file.Path;
import java.util.List;

/** SOAP 1.1 envelopes in the shape of the iSpring Learn document's example answer. */
final class IspringEnvelopes {
    private static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private IspringEnvelopes() {
    }

    static String result(String namespace, List<IspringWorld.Session> sessions) {
        StringBuilder body = new StringBuilder("<ns1:ListSessionsByTrainingResult>");
        for (IspringWorld.Session s : sessions) {
            body.append("<ns1:trainingSession>")
                    .append(element("id", s.id()))
                    .append(element("title", s.title()))
                    .append(element("startTime", s.startTime().toString()))
                    .append(element("duration", Long.toString(s.durationSeconds())))
                    .append(
                            s.instructor() == null
                                    ? "<ns1:instructor xsi:nil=\"true\"/>"
                                    : element("instructor", s.instructor()))
                    .append("<ns1:dayIds>");
            s.dayIds().forEach(d -> body.append(element("id", d)));
            body.append("</ns1:dayIds></ns1:trainingSession>");
        }
        return envelope(namespace, "", body.append("</ns1:ListSessionsByTrainingResult>").toString());
    }

    /** A hostile answer: the session title is an external entity naming a local file. */
    static String withExternalEntity(String namespace, Path file) {
        String doctype = "<!DOCTYPE SOAP-ENV:Envelope [<!ENTITY canary SYSTEM \"" + file.toUri() + "\">]>";
        String body = "<ns1:ListSessionsByTrainingResult><ns1:trainingSession>"
                + element("id", "00000000-0000-4000-8000-00000000e471")
                + "<ns1:title>&canary;</ns1:title>"
                + element("startTime", "2030-01-01T10:00:00+03:00")
                + element("duration", "3600")
                + "</ns1:trainingSession></ns1:ListSessionsByTrainingResult>";
        return envelope(namespace, doctype, body);
    }

    static String fault(String code, String faultString) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><SOAP-ENV:Envelope xmlns:SOAP-ENV=\"" + SOAP_ENV + "\">"
                + "<SOAP-ENV:Body><SOAP-ENV:Fault><faultcode>SOAP-ENV:" + code + "</faultcode><faultstring>"
                + escape(faultString) + "</faultstring></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>";
    }

    private static String envelope(String namespace, String doctype, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + doctype + "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\""
                + SOAP_ENV + "\" xmlns:ns1=\"" + namespace + "\" xmlns:xsi=\"" + XSI + "\"><SOAP-ENV:Body>"
                + body + "</SOAP-ENV:Body></SOAP-ENV:Envelope>";
    }

    private static String element(String name, String text) {
        return "<ns1:" + name + ">" + escape(text) + "</ns1:" + name + ">";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
