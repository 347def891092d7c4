package io.sessionflow.source.ispring;

import io.sessionflow.source.http.WholeAnswer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Refuses, before any XML parser sees it, an answer that declares a DOCTYPE, is larger than allowed or is not whole
 * within the call's timeout. A SOAP message may not carry a DTD at all (SOAP 1.1 section 3), so no legitimate
 * answer is lost. CXF's StAX readers (DTD support and external entities off) stay the second line; this one makes
 * the error say why.
 */
final class RefuseDoctypeInterceptor extends AbstractPhaseInterceptor<Message> {
    /** The message property holding the answer's bytes as received, for the raw topic. */
    static final String ANSWER_BYTES = "sessionflow.ispring.answer-bytes";
    /** The exchange property holding when the call was sent ({@link System#nanoTime()}). */
    static final String CALL_START = "sessionflow.ispring.call-start";
    private static final byte[] DOCTYPE = "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII);
    private final int maxBytes;
    private final Duration timeout;

    RefuseDoctypeInterceptor(int maxBytes, Duration timeout) {
        super(Phase.RECEIVE);
        this.maxBytes = maxBytes;
        this.timeout = timeout;
    }

    /** Notes when a call is sent, for the bound on its whole answer. */
    static AbstractPhaseInterceptor<Message> callStart() {
        return new AbstractPhaseInterceptor<>(Phase.SETUP) {
            @Override
            public void handleMessage(Message message) {
                message.getExchange().put(CALL_START, System.nanoTime());
            }
        };
    }

    @Override
    public void handleMessage(Message message) {
        InputStream in = message.getContent(InputStream.class);
        if (in == null) {
            return;
        }
        Object start = message.getExchange().get(CALL_START);
        byte[] body;
        try {
            body = WholeAnswer.body(in, start instanceof Long l ? l : System.nanoTime(), timeout)
                    .readNBytes(maxBytes + 1);
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
