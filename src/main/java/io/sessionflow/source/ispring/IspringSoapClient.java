package io.sessionflow.source.ispring;

import io.sessionflow.source.http.VendorTls;
import io.sessionflow.source.ispring.soap.ListSessionsByTrainingResult;
import java.util.List;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.cxf.common.message.CxfConstants;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.endpoint.Client;

/** Calls ListSessionsByTraining through the Camel cxf endpoint; every failure becomes one clear exception. */
public final class IspringSoapClient implements IspringSessions {
    private final Endpoint endpoint;
    private final ProducerTemplate template;
    private final IspringRequests requests;

    public IspringSoapClient(Endpoint endpoint, ProducerTemplate template, String token) {
        this.endpoint = endpoint;
        this.template = template;
        this.requests = new IspringRequests(token);
    }

    /** @throws IspringCallException on a SOAP Fault, an unreadable or refused answer, or a transport error */
    @Override
    public IspringAnswer listSessions(String trainingId) {
        Exchange exchange = template.send(endpoint, ExchangePattern.InOut, e -> {
            e.getMessage().setBody(requests.listSessions(trainingId));
            e.getMessage().setHeader(CxfConstants.OPERATION_NAME, IspringRequests.LIST_SESSIONS);
        });
        if (exchange.getException() != null) {
            throw new IspringCallException(trainingId, describe(exchange.getException()), exchange.getException(),
                    isTransient(exchange.getException()));
        }
        Object body = exchange.getMessage().getBody();
        Object result = body instanceof List<?> list && !list.isEmpty() ? list.get(0) : body;
        if (result instanceof ListSessionsByTrainingResult sessions) {
            return new IspringAnswer(sessions, answerBytes(exchange));
        }
        throw new IspringCallException(trainingId, "the answer held no ListSessionsByTrainingResult"
                + " (was it in another namespace?)", null);
    }

    /** CXF copies the answer's message properties into its response context, which Camel hands over as a header. */
    private static byte[] answerBytes(Exchange exchange) {
        Object context = exchange.getMessage().getHeader(Client.RESPONSE_CONTEXT);
        Object bytes = context instanceof Map<?, ?> map ? map.get(RefuseDoctypeInterceptor.ANSWER_BYTES) : null;
        return bytes instanceof byte[] b ? b : new byte[0];
    }

    /** A network error or an HTTP 5xx is worth a retry; a SOAP Fault or a refused answer is not. */
    static boolean isTransient(Throwable failure) {
        boolean transport = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SoapFault) {
                return false;
            }
            if (t instanceof org.apache.cxf.transport.http.HTTPException http) {
                transport |= http.getResponseCode() >= 500;
            } else if (t instanceof java.io.IOException) {
                transport = true;
            }
        }
        return transport;
    }

    /** CXF checks the host name itself, after the handshake, and says so in a plain IOException. */
    private static boolean isHostNameMismatch(Throwable t) {
        return t instanceof java.io.IOException && t.getMessage() != null
                && t.getMessage().contains("hostname does not match");
    }

    /** What the TLS stack said: CXF's HttpURLConnection conduit wraps it in one naming the URL. */
    private static Throwable deepestTlsFailure(Throwable tls) {
        Throwable deepest = tls;
        for (Throwable t = tls.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLException) {
                deepest = t;
            }
        }
        return deepest;
    }

    /** The vendor's fault string for a SOAP Fault; otherwise the chain of causes, each said once. */
    static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SoapFault fault) {
                return "SOAP Fault '" + fault.getMessage() + "' (" + fault.getFaultCode().getLocalPart() + ")";
            }
            if (isHostNameMismatch(t)) {
                return VendorTls.refusal("the https URL hostname does not match it");
            }
            if (t instanceof javax.net.ssl.SSLException) {
                return VendorTls.refusal(deepestTlsFailure(t).getMessage());
            }
        }
        StringBuilder out = new StringBuilder(String.valueOf(failure.getMessage()));
        for (Throwable t = failure.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            // CXF wraps a cause and repeats its message; say each thing once
            if (t.getMessage() == null || !out.toString().contains(t.getMessage())) {
                out.append(" <- ").append(t.getClass().getSimpleName());
                if (t.getMessage() != null) {
                    out.append(": ").append(t.getMessage());
                }
            }
        }
        return out.toString();
    }
}
