package io.sessionflow.cluster;

import io.sessionflow.event.SourceAccount;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/** The shard an account belongs to: Kafka's own key hash (murmur2) of {@code system/account}, over the shard count. */
public final class ShardOf {
    private ShardOf() {
    }

    public static int of(SourceAccount account, int shards) {
        return Utils.toPositive(Utils.murmur2(account.toString().getBytes(StandardCharsets.UTF_8))) % shards;
    }
}
