package io.sessionflow.testing;

import io.sessionflow.kafka.EmbeddedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One real KRaft broker for the whole test JVM (it takes seconds to start); tests isolate by topic names. */
public final class SharedKafka {
    private static EmbeddedKafka broker;

    private SharedKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            try {
                Path dir = Files.createTempDirectory("sessionflow-test-kafka");
                broker = new EmbeddedKafka(dir, 0).start();
                Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return broker.bootstrapServers();
    }
}
