package io.sessionflow.demo;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** A simulator's TLS identity: a PKCS12 keystore with its key and certificate, for HTTPS and WSS on loopback. */
public record ServerCertificate(Path keystore, String password) {

    public SSLContext context() {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password.toCharArray());
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keys.getKeyManagers(), null, null);
            return tls;
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the simulator's keystore " + keystore, e);
        }
    }

    /** The keystore's bytes, for servers that take a stream rather than an SSLContext (netty-socketio). */
    public InputStream open() {
        try {
            return new ByteArrayInputStream(Files.readAllBytes(keystore));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read the simulator's keystore " + keystore, e);
        }
    }
}
