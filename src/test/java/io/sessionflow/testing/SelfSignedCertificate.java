package io.sessionflow.testing;

import io.sessionflow.demo.ServerCertificate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate made with the JDK's keytool at test time (nothing checked in): the server side as
 * an {@link SSLContext}, the client side as a PKCS12 truststore holding just that certificate.
 */
public record SelfSignedCertificate(Path keystore, Path truststore, String password) {

    /** @param san the subjectAltName, e.g. {@code ip:127.0.0.1} or {@code dns:other.example} */
    public static SelfSignedCertificate create(Path dir, String san, String password) {
        Path keystore = dir.resolve("vendor-" + System.nanoTime() + ".p12");
        Path cert = dir.resolve("vendor-" + System.nanoTime() + ".pem");
        Path truststore = dir.resolve("trust-" + System.nanoTime() + ".p12");
        keytool("-genkeypair", "-alias", "vendor", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=simulated vendor", "-ext", "SAN=" + san, "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", password);
        keytool("-exportcert", "-rfc", "-alias", "vendor", "-keystore", keystore.toString(),
                "-storepass", password, "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "vendor", "-file", cert.toString(),
                "-storetype", "PKCS12", "-keystore", truststore.toString(), "-storepass", password);
        return new SelfSignedCertificate(keystore, truststore, password);
    }

    public SSLContext serverContext() {
        return server().context();
    }

    /** The simulator side: the key and certificate. */
    public ServerCertificate server() {
        return new ServerCertificate(keystore, password);
    }

    private static void keytool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot run keytool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
