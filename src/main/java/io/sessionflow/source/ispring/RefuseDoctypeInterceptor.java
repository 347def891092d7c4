package io.sessionflow.source.ispring;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Refuses, before any XML parser sees it, an answer that declares a DOCTYPE or is larger than allowed. A SOAP
 * message may not carry a DTD at all (SOAP 1.1 section 3), so no legitimate answer is lost. CXF's StAX
 * readers (DTD support and external entities off) stay the second line; this one makes the error say why.
 */
final class RefuseDoctypeInterceptor extends AbstractPhaseInterceptor<Message> {
    /** The message property holding the answer's bytes as received, for the raw topic. */
    static final String ANSWER_BYTES = "sessionflow.ispring.answer-bytes";
    private static final byte[] DOCTYPE = "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII);
    private final int maxBytes;

    RefuseDoctypeInterceptor(int maxBytes) {
        super(Phase.RECEIVE);
        this.maxBytes = maxBytes;
    }

    @Override
    public void handleMessage(Message message) {
        InputStream in = message.getContent(InputStream.class);
        if (in == null) {
            return;
        }
        byte[] body;
        try {
            body = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new Fault(e);
        }
        if (body.length > maxBytes) {
            throw new Fault(new IllegalStateException("the answer is larger than " + maxBytes
                    + " bytes (SESSIONFLOW_HTTP_MAX_BODY_BYTES); refused"));
        }
        if (declaresDoctype(body)) {
            throw new Fault(new IllegalStateException("the answer declares a DOCTYPE; DTDs and external entities"
                    + " are refused, nothing of it was read"));
        }
        message.put(ANSWER_BYTES, body);
        message.setContent(InputStream.class, new ByteArrayInputStream(body));
    }

    /** A DOCTYPE can only stand in the prolog: before the first element's start tag. */
    static boolean declaresDoctype(byte[] xml) {
        for (int i = 0; i < xml.length - 1; i++) {
            if (xml[i] != '<') {
                continue;
            }
            if (startsWith(xml, i, DOCTYPE)) {
                return true;
            }
            byte next = xml[i + 1];
            if (next != '?' && next != '!') {
                return false;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] xml, int at, byte[] prefix) {
        if (at + prefix.length > xml.length) {
            return false;
        }
        for (int j = 0; j < prefix.length; j++) {
            if (xml[at + j] != prefix[j]) {
                return false;
            }
        }
        return true;
    }
}
