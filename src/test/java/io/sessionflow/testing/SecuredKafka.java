package io.sessionflow.testing;

import io.sessionflow.kafka.EmbeddedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.kafka.clients.admin.ScramMechanism;

/**
 * One secured broker (SASL/SCRAM, the standard authorizer) for every test that needs one, started on first use
 * like {@link SharedKafka}. Each test makes its own users, with random passwords, and grants them what it means to.
 */
public final class SecuredKafka {
    private static EmbeddedKafka broker;
    private static Path dir;

    private SecuredKafka() {
    }

    public static synchronized EmbeddedKafka broker() {
        if (broker == null) {
            try {
                dir = Files.createTempDirectory("sessionflow-test-secured-kafka");
                broker = new EmbeddedKafka(dir.resolve("data"), 0, true).start();
                Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return broker;
    }

    public static String bootstrapServers() {
        return broker().bootstrapServers();
    }

    /** A SCRAM user of its own, and its client properties file as an operator writes one. */
    public record User(String name, String password, Path clientConfig) {
        public String principal() {
            return "User:" + name;
        }
    }

    /**
     * The password is kept in a file of its own and the client file refers to it: nothing secret in the client file.
     */
    public static User newUser(String role) {
        String name = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        String password = UUID.randomUUID().toString();
        broker().scramUser(name, password, ScramMechanism.SCRAM_SHA_512);
        try {
            Path secret = Files.writeString(dir.resolve(name + ".password"), password + "\n");
            Path config = Files.writeString(dir.resolve(name + ".properties"), """
                    security.protocol=SASL_PLAINTEXT
                    sasl.mechanism=SCRAM-SHA-512
                    sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \\
                      username="%s" password="${file:%s}";
                    """.formatted(name, secret));
            return new User(name, password, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
