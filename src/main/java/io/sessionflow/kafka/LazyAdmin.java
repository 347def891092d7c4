package io.sessionflow.kafka;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;

/** An Admin client made on first use and closed with its owner: most owners run for good without needing one. */
public final class LazyAdmin implements AutoCloseable {
    private final Properties client;
    private Admin admin;

    public LazyAdmin(Properties client) {
        this.client = client;
    }

    public synchronized Admin get() {
        if (admin == null) {
            admin = Admin.create(client);
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
            admin = null;
        }
    }
}
