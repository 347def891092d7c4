package io.sessionflow.rederive;

import io.sessionflow.app.KafkaConnection;
import io.sessionflow.cli.CommandSettings;
import io.sessionflow.cluster.AccountRecord;
import io.sessionflow.cluster.AccountsTopic;
import io.sessionflow.cluster.ClusterSettings;
import io.sessionflow.event.SourceAccount;
import java.util.Map;
import io.sessionflow.cli.ExitCode;
import io.sessionflow.config.RecordedSettings;
import io.sessionflow.config.Settings;
import io.sessionflow.kafka.KafkaTopics;
import io.sessionflow.replay.Progress;
import io.sessionflow.replay.TargetTopic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rederive --to-topic t}: the raw archive through the current mappers into a new events topic. */
@Command(name = "rederive", sortOptions = false,
        description = "The current mappers and tracker over the raw topic, into a new events topic (docs/replay.md)."
                + " Exit code 1 when polls of the archive could not be re-derived.")
public final class RederiveCommand implements Callable<Integer> {
    @Option(names = "--to-topic", required = true, paramLabel = "<topic>",
            description = "the topic to write: a new one, or one that already holds records with --append")
    String target;
    @Option(names = "--append", description = "allow --to-topic to write after the records it already holds")
    boolean append;
    @Option(names = "--settings-from", paramLabel = "<file>",
            description = "settings the archive was written with (properties, as the demo records them); default: on"
                    + " the embedded broker, the ones the demo recorded beside its data")
    Path recorded;

    @Override
    public Integer call() {
        Settings settings = CommandSettings.load();
        TargetTopic.checkName(target, KafkaConnection.topicsOf(settings));
        if (recorded != null) {
            settings = settings.with(RecordedSettings.read(recorded));
        }
        try (KafkaConnection kafka = KafkaConnection.reading(settings)) {
            settings = withDemoSettings(settings, kafka);
            KafkaTopics.requireExisting(kafka.bootstrapServers(), kafka.topics().raw());
            TargetTopic.prepare(kafka.bootstrapServers(), target, kafka.topics().events(),
                    (short) settings.integer("sessionflow.kafka.replication-factor"), append);
            Settings live = settings;
            Map<SourceAccount, AccountRecord> stored = AccountsTopic.read(kafka.client(),
                    ClusterSettings.from(settings).accountsTopic());
            Rederivation.Summary summary = new Rederivation(kafka.bootstrapServers(),
                    account -> AccountsTopic.offline(account, stored, live))
                    .run(kafka.topics().raw(), target, Progress.forConsole("rederive"));
            System.err.println("rederive: " + summary + " -> " + target);
            if (summary.failedPolls > 0) {
                System.err.println("rederive: " + summary.failedPolls + " polls could not be re-derived; each is in the"
                        + " log (" + settings.string("sessionflow.log.file") + ")");
                return ExitCode.CHECK_FAILED;
            }
            return ExitCode.OK;
        }
    }

    /** The demo's archive was written with the demo's source settings, recorded beside the broker's data. */
    private Settings withDemoSettings(Settings settings, KafkaConnection kafka) {
        if (recorded != null || kafka.embeddedDataDir() == null) {
            return settings;
        }
        Path file = RecordedSettings.besideData(kafka.embeddedDataDir());
        if (!Files.exists(file)) {
            return settings;
        }
        System.err.println("rederive: reading the archive with the settings recorded in " + file);
        return settings.with(RecordedSettings.read(file));
    }
}
