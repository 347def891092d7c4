package io.sessionflow.cluster;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** What the group's membership hands shards to: the {@link ShardManager}, as Kafka Streams' TaskManager. */
public interface ShardOwner {
    void assigned(Collection<Integer> shards);

    void revoked(Collection<Integer> shards);

    /** Gone without a hand-back: another member may own them already. */
    void lost(Collection<Integer> shards);

    /** Hands every shard back before the member leaves the group for good. */
    void leave();

    /** The shards owned here, with what runs in each. */
    Map<Integer, ? extends Set<?>> owned();
}
