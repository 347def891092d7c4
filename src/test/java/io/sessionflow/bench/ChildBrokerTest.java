package io.sessionflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench --child-broker}: a broker in a process of its own that clients reach, gone once the bench is done. */
class ChildBrokerTest {

    @Test
    void servesClientsFromAProcessOfItsOwnAndStopsWithTheBench(@TempDir Path dir) throws Exception {
        long pid;
        try (ChildBroker broker = new ChildBroker(dir)) {
            pid = broker.pid();
            assertThat(pid).isNotEqualTo(ProcessHandle.current().pid());
            Properties p = new Properties();
            p.put("bootstrap.servers", broker.bootstrap());
            try (Admin admin = Admin.create(p)) {
                admin.createTopics(List.of(new NewTopic("child.events", 3, (short) 1))).all()
                        .get(60, TimeUnit.SECONDS);
                assertThat(admin.listTopics().names().get(60, TimeUnit.SECONDS)).contains("child.events");
            }
        }
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("the broker process after close")
                .isEmpty();
    }
}
