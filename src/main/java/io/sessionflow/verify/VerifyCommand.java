package io.sessionflow.verify;

import io.sessionflow.app.KafkaConnection;
import io.sessionflow.config.Settings;
import io.sessionflow.event.EventJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code verify [--topic <t>] [--expected <file.jsonl>]}: reads the events topic (read_committed) and reports
 * events that break the JSON Schema, distinct ids, duplicates, order violations, and what is missing or
 * unexpected against an expected set. Exit code 0 when all is well, 1 otherwise.
 */
public final class VerifyCommand {
    private VerifyCommand() {
    }

    public static int run(String[] args, Settings settings) throws IOException {
        String topic = option(args, "--topic", settings.string("sessionflow.topics.events"));
        String expectedFile = option(args, "--expected", null);
        List<ExpectedTransition> expected = expectedFile == null ? null : readExpected(Path.of(expectedFile));
        try (KafkaConnection kafka = KafkaConnection.reading(settings)) {
            CheckedEvents checked = CheckedEvents.of(EventsTopic.readRecords(kafka.bootstrapServers(), topic),
                    SchemaCheck.event());
            VerifyReport report = StreamChecks.check(checked.events(), expected)
                    .withSchemaViolations(checked.violations());
            System.out.print("topic             " + topic + System.lineSeparator() + report.text());
            return report.ok() ? 0 : 1;
        }
    }

    static List<ExpectedTransition> readExpected(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank())
                .map(l -> {
                    try {
                        return EventJson.mapper().readValue(l, ExpectedTransition.class);
                    } catch (IOException e) {
                        throw new IllegalArgumentException(file + ": not an expected transition: " + l, e);
                    }
                }).toList();
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
