package io.sessionflow.replay;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What one partition's reader has fetched and the writer has not written yet. Bounded in records, so a partition
 * whose turn is far off stops fetching instead of holding its whole range: a reader waits once this many are
 * queued (one poll may add up to {@link BulkReadSettings#RECORDS_PER_POLL} more).
 */
final class PartitionQueue {
    private final int bound;
    private final Semaphore room;
    private final BlockingQueue<Chunk> chunks = new LinkedBlockingQueue<>();

    /**
     * One poll's records of the partition and the reader's position after them (markers and gaps skipped);
     * {@code last} when the partition's range ends at that position.
     */
    record Chunk(List<ConsumerRecord<String, byte[]>> records, long position, boolean last, RuntimeException failure) {
    }

    PartitionQueue(int recordsBound) {
        this.bound = recordsBound;
        this.room = new Semaphore(recordsBound);
    }

    void put(List<ConsumerRecord<String, byte[]>> records, long position, boolean last) throws InterruptedException {
        room.acquire(permits(records));
        chunks.add(new Chunk(records, position, last, null));
    }

    /** A reader's failure goes to the writer, which rethrows it when the partition's turn comes. */
    void fail(RuntimeException failure) {
        chunks.add(new Chunk(List.of(), -1, true, failure));
    }

    Chunk take() throws InterruptedException {
        Chunk chunk = chunks.take();
        if (chunk.failure() != null) {
            throw chunk.failure();
        }
        room.release(permits(chunk.records()));
        return chunk;
    }

    private int permits(List<?> records) {
        return Math.min(records.size(), bound);
    }
}
