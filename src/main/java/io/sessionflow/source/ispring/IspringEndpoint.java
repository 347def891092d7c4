package io.sessionflow.source.ispring;

import io.sessionflow.source.ispring.soap.IspringLearnPortType;
import java.time.Duration;
import javax.xml.namespace.QName;
import org.apache.camel.CamelContext;
import org.apache.camel.component.cxf.common.DataFormat;
import org.apache.camel.component.cxf.jaxws.CxfConfigurer;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.feature.StaxTransformFeature;
import org.apache.cxf.frontend.AbstractWSDLBasedEndpointFactory;
import org.apache.cxf.staxutils.StaxUtils;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transport.http.HTTPConduitFactory;
import org.apache.cxf.transport.http.URLConnectionHTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;

/**
 * The Camel cxf endpoint of the iSpring Learn SOAP API: the WSDL in the classpath, POJO data format with the
 * generated types, the .com/.ru namespace tolerance, and the shared HTTP timeout.
 *
 * <p>XML hardening, two lines: {@link RefuseDoctypeInterceptor} refuses any answer with a DOCTYPE before it is
 * parsed; behind it CXF's StaxUtils reads with DTD support and external entities switched off and refuses a
 * parser it cannot restrict, unless the system property {@code org.apache.cxf.stax.allowInsecureParser} is
 * set, so this source refuses to start with it.
 */
public final class IspringEndpoint {
    static final String WSDL_URL = "classpath:wsdl/ispring-learn.wsdl";
    static final QName SERVICE = new QName(IspringNamespaces.WSDL, "IspringLearnService");
    static final QName PORT = new QName(IspringNamespaces.WSDL, "IspringLearnPort");

    private IspringEndpoint() {
    }

    /**
     * @param vendorTls registry name of the TLS settings (custom truststore) shared with the HTTP sources, or
     *                  null for the JVM's trusted CAs; CXF verifies host names either way
     */
    public static CxfEndpoint create(CamelContext camel, String url, Duration timeout, int maxBodyBytes,
                                     String vendorTls) {
        if (Boolean.parseBoolean(System.getProperty(StaxUtils.ALLOW_INSECURE_PARSER))) {
            throw new IllegalStateException("the iSpring source will not read vendor XML with "
                    + StaxUtils.ALLOW_INSECURE_PARSER + "=true: DTDs and external entities must stay refused");
        }
        CxfEndpoint endpoint = camel.getEndpoint(
                "cxf://" + url + "?serviceClass=" + IspringLearnPortType.class.getName() + "&wsdlURL=" + WSDL_URL
                        + "&dataFormat=POJO",
                CxfEndpoint.class);
        endpoint.setServiceNameAsQName(SERVICE);
        endpoint.setPortNameAsQName(PORT);
        endpoint.setDataFormat(DataFormat.POJO);
        endpoint.setDefaultOperationName(IspringRequests.LIST_SESSIONS);
        endpoint.setDefaultOperationNamespace(IspringNamespaces.WSDL);
        StaxTransformFeature namespaces = new StaxTransformFeature();
        namespaces.setInTransformElements(IspringNamespaces.inboundTransform());
        endpoint.getFeatures().add(namespaces);
        endpoint.setCxfConfigurer(new ClientSetup(timeout, maxBodyBytes));
        if (vendorTls != null) {
            endpoint.setSslContextParameters(camel.getRegistry().lookupByNameAndType(vendorTls,
                    SSLContextParameters.class));
        }
        return endpoint;
    }

    /**
     * CXF's HttpURLConnection conduit with its timeouts, and the DOCTYPE, size and whole-answer guard on every answer,
     * faults too. Not CXF's default conduit over the JDK client: its receive timeout ends when the headers arrive and
     * its body stream then waits for good (a stalled answer held the iSpring poll), and on a plain {@code http://}
     * URL it first asks for an h2c upgrade. HttpURLConnection times out every read and speaks HTTP/1.1, all SOAP needs.
     */
    private record ClientSetup(Duration timeout, int maxBodyBytes) implements CxfConfigurer {
        @Override
        public void configure(AbstractWSDLBasedEndpointFactory factory) {
        }

        @Override
        public void configureClient(Client client) {
            client.getEndpoint().getEndpointInfo().setProperty(HTTPConduitFactory.class.getName(),
                    (HTTPConduitFactory) (transport, bus, info, target) -> new URLConnectionHTTPConduit(bus, info,
                            target));
            HTTPClientPolicy policy = new HTTPClientPolicy();
            policy.setConnectionTimeout(timeout.toMillis());
            policy.setReceiveTimeout(timeout.toMillis());
            HTTPConduit conduit = (HTTPConduit) client.getConduit();
            if (!(conduit instanceof URLConnectionHTTPConduit)) {
                throw new IllegalStateException("the iSpring client got CXF's " + conduit.getClass().getSimpleName()
                        + ", not its HttpURLConnection conduit");
            }
            conduit.setClient(policy);
            client.getOutInterceptors().add(RefuseDoctypeInterceptor.callStart());
            client.getInInterceptors().add(new RefuseDoctypeInterceptor(maxBodyBytes, timeout));
            client.getInFaultInterceptors().add(new RefuseDoctypeInterceptor(maxBodyBytes, timeout));
        }

        @Override
        public void configureServer(Server server) {
        }
    }
}
