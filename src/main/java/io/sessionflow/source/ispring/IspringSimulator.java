package io.sessionflow.source.ispring;

import io.sessionflow.demo.SimulatedHttpServer;
import io.sessionflow.demo.SimulatedVendor;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * A simulated iSpring Learn SOAP 1.1 service on loopback, answering ListSessionsByTraining envelopes as the
 * vendor document shows them, SOAP Faults ("Permission denied", "Wrong parameters") included.
 */
public final class IspringSimulator extends SimulatedVendor {
    public static final String PATH = "/go/services/api/soap";
    private final IspringWorld world;
    private final String token;

    public IspringSimulator(IspringWorld world, String token) {
        this(world, token, null);
    }

    /** @param tls the certificate to serve HTTPS with; null for plain HTTP */
    public IspringSimulator(IspringWorld world, String token, javax.net.ssl.SSLContext tls) {
        super(PATH, tls);
        this.world = world;
        this.token = token;
    }

    public String url() {
        return address();
    }

    @Override
    protected SimulatedHttpServer.Response handle(SimulatedHttpServer.Request request) {
        if (!request.method().equals("POST")) {
            return fault("Client", "Wrong parameters");
        }
        Document envelope = parse(request.body());
        if (envelope == null) {
            return fault("Client", "Wrong parameters");
        }
        String trainingId = text(envelope, "trainingId");
        if (!token.equals(text(envelope, "token"))) {
            return fault("Client", "Permission denied");
        }
        if (trainingId == null || !world.knows(trainingId)) {
            return fault("Client", "Wrong parameters");
        }
        String fault = world.faultOf(trainingId);
        if (fault != null) {
            return fault("Server", fault);
        }
        Path hostile = world.hostileEntityOf(trainingId);
        return hostile != null ? xml(200, IspringEnvelopes.withExternalEntity(world.namespace(), hostile))
                : xml(200, IspringEnvelopes.result(world.namespace(), world.sessions(trainingId)));
    }

    private static SimulatedHttpServer.Response fault(String code, String faultString) {
        return xml(500, IspringEnvelopes.fault(code, faultString));
    }

    private static SimulatedHttpServer.Response xml(int status, String body) {
        return new SimulatedHttpServer.Response(status, "text/xml; charset=utf-8",
                body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** The simulator reads requests as carefully as the client reads answers: no DOCTYPE at all. */
    private static Document parse(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        } catch (Exception e) {
            return null;
        }
    }

    private static String text(Document document, String localName) {
        Node node = document.getElementsByTagNameNS("*", localName).item(0);
        return node == null ? null : node.getTextContent().strip();
    }
}
