package io.sessionflow.source;

/**
 * A push source's account bean as the latency bench measures it: from a feed message's arrival to Kafka's
 * acknowledgement of the transaction that carried it.
 */
public interface FeedSource extends AccountSource {

    FeedLatency latency();

    /** Kafka transactions that carried feed messages: with group commit, fewer than the messages. */
    long feedTransactions();
}
