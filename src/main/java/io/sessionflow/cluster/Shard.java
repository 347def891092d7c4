package io.sessionflow.cluster;

import io.sessionflow.event.SourceAccount;
import io.sessionflow.publish.TransactionalPublisher;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One shard owned by this instance: its accounts' tasks and its transactional producer. The producer is created when
 * the shard's first account starts; its initialisation fences the shard's previous owner.
 */
final class Shard {
    final int number;
    final Map<SourceAccount, AccountTask> tasks = new ConcurrentHashMap<>();
    private final Supplier<TransactionalPublisher> publishers;
    private volatile TransactionalPublisher publisher;
    private volatile boolean fenced;

    Shard(int number, Supplier<TransactionalPublisher> publishers) {
        this.number = number;
        this.publishers = publishers;
    }

    /** The shard's publisher, initialised: from here on, the previous owner can commit nothing more. */
    synchronized TransactionalPublisher publisher() {
        if (publisher == null) {
            TransactionalPublisher p = publishers.get();
            p.initialize();
            publisher = p;
        }
        return publisher;
    }

    /** @return whether this is the first time the shard learns it was fenced */
    boolean fenced() {
        boolean first = !fenced;
        fenced = true;
        return first;
    }

    TransactionalPublisher publisherIfAny() {
        return publisher;
    }
}
