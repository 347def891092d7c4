package io.sessionflow.replay;

import io.sessionflow.source.seeit.SeeitModule;

import io.sessionflow.source.webinar.WebinarModule;

import static io.sessionflow.replay.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.event.EventType;
import io.sessionflow.event.SystemId;
import io.sessionflow.replay.TestEvents.Timed;
import io.sessionflow.testing.SharedKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command as an operator runs it: settings from -D properties (like run), options from the command line. */
class ReplayCommandTest {

    @Test
    void writesTheFilteredRangeAsCsvToTheOutFile(@TempDir Path dir) throws Exception {
        String topic = TestEvents.newTopic(3);
        Instant t = Instant.parse("2026-11-20T09:00:00Z");
        TestEvents.publish(topic, List.of(
                new Timed(t, event(WebinarModule.SYSTEM, "1", EventType.SESSION_STARTED, t)),
                new Timed(t, event(SeeitModule.SYSTEM, "2", EventType.SESSION_STARTED, t)),
                new Timed(t.plusSeconds(7200), event(WebinarModule.SYSTEM, "3", EventType.SESSION_STARTED, t))));
        Path out = dir.resolve("started.csv");
        Map<String, String> settings = Map.of("sessionflow.kafka.bootstrap-servers", SharedKafka.bootstrapServers(),
                "sessionflow.topics.events", topic, "sessionflow.topics.raw", topic + ".raw",
                "sessionflow.topics.dlq", topic + ".dlq", "sessionflow.topics.state", topic + ".state");
        settings.forEach(System::setProperty);
        try {
            new picocli.CommandLine(new ReplayCommand())
                    .execute(
                            "--from",
                            "2026-11-20T09:00:00Z",
                            "--to",
                            "2026-11-20T10:00:00Z",
                            "--system",
                            "webinar",
                            "--format",
                            "csv",
                            "--out",
                            out.toString());
        } finally {
            settings.keySet().forEach(System::clearProperty);
        }

        List<String> rows = Files.readAllLines(out);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).contains(",sessionflow.session.started,").contains(",webinar,1,");
    }
}
