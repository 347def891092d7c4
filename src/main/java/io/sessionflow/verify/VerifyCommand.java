package io.sessionflow.verify;

import io.sessionflow.app.KafkaConnection;
import io.sessionflow.cli.CommandSettings;
import io.sessionflow.cli.ExitCode;
import io.sessionflow.cli.Vocabulary;
import io.sessionflow.event.EventJson;
import io.sessionflow.kafka.KafkaTopics;
import io.sessionflow.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code verify [--topic <t>] [--expected <file.jsonl>]}: reads the events topic (read_committed) and reports
 * events that break the JSON Schema, distinct ids, duplicates, order violations, and what is missing or
 * unexpected against an expected set. Exit code 0 when all is well, 1 otherwise; a topic that does not exist is an
 * error (2), never created.
 */
@Command(name = "verify", sortOptions = false,
        description = "Read the events topic (read_committed) and report events, distinct ids, duplicate ids,"
                + " per-session order violations, and what is missing or unexpected against an expected set.")
public final class VerifyCommand implements Callable<Integer> {
    @Option(
            names = "--topic",
            paramLabel = "<topic>",
            description = "the topic to check (default: SESSIONFLOW_TOPICS_EVENTS)")
    String topic;

    @Option(
            names = "--expected",
            paramLabel = "<file.jsonl>",
            description = "JSON lines {\"key\",\"type\",\"participant\"}; type as session.started or"
                    + " sessionflow.session.started")
    Path expectedFile;

    @Override
    public Integer call() throws IOException {
        return verify(CommandSettings.load());
    }

    /** @return the exit code: {@link ExitCode#OK} when nothing is wrong */
    public int verify(Settings settings) throws IOException {
        List<ExpectedTransition> expected = expectedFile == null ? null : readExpected(expectedFile);
        String checked = topic != null ? topic : settings.string("sessionflow.topics.events");
        try (KafkaConnection kafka = KafkaConnection.reading(settings)) {
            KafkaTopics.requireExisting(kafka.bootstrapServers(), checked);
            CheckedEvents events = CheckedEvents.of(EventsTopic.readRecords(kafka.bootstrapServers(), checked),
                    SchemaCheck.event());
            VerifyReport report = StreamChecks.check(events.events(), expected)
                    .withSchemaViolations(events.violations());
            System.out.print("topic             " + checked + System.lineSeparator() + report.text());
            return report.ok() ? ExitCode.OK : ExitCode.CHECK_FAILED;
        }
    }

    /** @throws IllegalArgumentException naming the file and line of anything unreadable */
    static List<ExpectedTransition> readExpected(Path file) throws IOException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("--expected " + file + " is not a readable file");
        }
        List<String> lines = Files.readAllLines(file);
        List<ExpectedTransition> expected = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            ExpectedTransition t;
            try {
                t = EventJson.mapper().readValue(line, ExpectedTransition.class);
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        file + " line " + (i + 1) + " is not {\"key\",\"type\",\"participant\"}: " + line);
            }
            if (t.key() == null || t.type() == null) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + " needs \"key\" and \"type\": " + line);
            }
            try {
                expected.add(new ExpectedTransition(t.key(), Vocabulary.type(t.type()), t.participant()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return expected;
    }
}
