package io.sessionflow.rederive;

import io.sessionflow.app.KafkaConnection;
import io.sessionflow.config.Settings;
import io.sessionflow.replay.CommandArgs;
import io.sessionflow.replay.Progress;
import io.sessionflow.replay.TargetTopic;
import java.util.Set;

/** {@code rederive --to-topic t}: the raw archive through the current mappers into a new events topic. */
public final class RederiveCommand {
    private RederiveCommand() {
    }

    public static void main(String[] args) {
        CommandArgs a = CommandArgs.parse(args, Set.of("to-topic"));
        String target = a.required("to-topic");
        Settings settings = Settings.fromEnvironment();
        try (KafkaConnection kafka = KafkaConnection.open(settings)) {
            if (target.equals(kafka.topics().events()) || target.equals(kafka.topics().raw())) {
                throw new IllegalArgumentException("--to-topic must be a new topic, not " + target);
            }
            TargetTopic.ensure(kafka.bootstrapServers(), target, kafka.topics().events(),
                    (short) settings.integer("sessionflow.kafka.replication-factor"));
            var stored = io.sessionflow.cluster.AccountsTopic.read(kafka.client(),
                    io.sessionflow.cluster.ClusterSettings.from(settings).accountsTopic());
            Rederivation.Summary summary = new Rederivation(kafka.bootstrapServers(),
                    account -> io.sessionflow.cluster.AccountsTopic.offline(account, stored, settings))
                    .run(kafka.topics().raw(), target, Progress.forConsole("rederive"));
            System.err.println("rederive: " + summary + " -> " + target);
        }
    }
}
