package io.sessionflow.source.http;

import io.sessionflow.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/**
 * TLS to vendors. By default the JVM's trusted CAs and camel-http's host name verification apply; a custom
 * truststore replaces the CAs (e.g. a company CA), never the verification: there is no "trust all" switch.
 */
public final class VendorTls {
    static final String BEAN = "vendorTls";

    private VendorTls() {
    }

    /** @return the registry name of the TLS settings to use, or null for the JVM's defaults */
    public static String bind(Settings settings, Registry registry) {
        if (!settings.isSet("sessionflow.tls.truststore")) {
            return null;
        }
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + Path.of(settings.string("sessionflow.tls.truststore")).toAbsolutePath());
        store.setPassword(settings.string("sessionflow.tls.truststore-password"));
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(store);
        SSLContextParameters tls = new SSLContextParameters();
        tls.setTrustManagers(trust);
        registry.bind(BEAN, tls);
        return BEAN;
    }

    /**
     * How every client says it refused a vendor's certificate, in the same words, so one search finds them all;
     * short, since it comes first in a log line that is cut at a bounded length.
     *
     * @param detail what the TLS stack said (PKIX path, host name), free of URIs and credentials
     */
    public static String refusal(String detail) {
        return "refused the vendor's TLS certificate (a private CA goes in SESSIONFLOW_TLS_TRUSTSTORE): "
                + LogSafe.of(detail);
    }

    /** The custom truststore for clients that are not Camel endpoints (JDK HttpClient, OkHttp). */
    public record Trust(SSLContext context, X509TrustManager trustManager) {
    }

    /** @param bean what {@link #bind} returned; null means the JVM's defaults, so empty */
    public static Optional<Trust> trust(CamelContext camel, String bean) {
        if (bean == null) {
            return Optional.empty();
        }
        SSLContextParameters tls = camel.getRegistry().lookupByNameAndType(bean, SSLContextParameters.class);
        try {
            SSLContext context = tls.createSSLContext(camel); // also hands the context to the nested parameters
            X509TrustManager manager = Arrays.stream(tls.getTrustManagers().createTrustManagers())
                    .filter(X509TrustManager.class::isInstance).map(X509TrustManager.class::cast).findFirst()
                    .orElseThrow(() -> new IllegalStateException("SESSIONFLOW_TLS_TRUSTSTORE gave no X.509 trust"));
            return Optional.of(new Trust(context, manager));
        } catch (java.security.GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("SESSIONFLOW_TLS_TRUSTSTORE cannot be loaded: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    /** Configuration problems, one line each, naming the variable (the password is never shown). */
    public static List<String> problems(Settings settings) {
        List<String> problems = new ArrayList<>();
        if (settings.isSet("sessionflow.tls.truststore")
                && !Files.isReadable(Path.of(settings.string("sessionflow.tls.truststore")))) {
            problems.add("SESSIONFLOW_TLS_TRUSTSTORE '" + LogSafe.of(settings.string("sessionflow.tls.truststore"))
                    + "' is not a readable file");
        }
        if (settings.isSet("sessionflow.tls.truststore-password") && !settings.isSet("sessionflow.tls.truststore")) {
            problems.add("SESSIONFLOW_TLS_TRUSTSTORE_PASSWORD is set but SESSIONFLOW_TLS_TRUSTSTORE is not");
        }
        return problems;
    }
}
