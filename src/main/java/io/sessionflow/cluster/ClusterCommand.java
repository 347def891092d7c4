package io.sessionflow.cluster;

import io.sessionflow.app.KafkaConnection;
import io.sessionflow.cli.CommandSettings;
import io.sessionflow.cli.ExitCode;
import io.sessionflow.config.Settings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code cluster}: the cluster's members, the shards each owns, and each account's owner, last poll and failure. */
@Command(name = "cluster", description = "The cluster's members and the shards each owns, and per account its shard,"
        + " owner, last committed poll and last failure (all read from Kafka).")
public final class ClusterCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        Settings settings = CommandSettings.load();
        try (KafkaConnection kafka = KafkaConnection.reading(settings)) {
            System.out.print(ClusterView.read(kafka.client(), ClusterSettings.from(settings), kafka.topics().state())
                    .text());
        }
        return ExitCode.OK;
    }
}
