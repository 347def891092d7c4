package io.sessionflow.bench;

import io.sessionflow.kafka.Topics;
import java.util.Arrays;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What one feed message costs at the least: a bare transaction with the pipeline's producer settings and
 * what one feed message publishes (a raw payload, an event, a state record, three topics), one at a time
 * with a pause between, so nothing queues. Feed latency cannot be lower than this; a message that arrives
 * while a transaction is in flight waits for that one too.
 */
final class TransactionFloorStage {
    private static final int WARMUP = 50;
    private final BenchKafka kafka;

    record Result(int transactions, double p50, double p99, double p999) {
    }

    TransactionFloorStage(BenchKafka kafka) {
        this.kafka = kafka;
    }

    Result run(int transactions) throws InterruptedException {
        Topics topics = kafka.freshTopics("txfloor");
        byte[] value = new byte[800];
        long[] micros = new long[transactions];
        try (Producer<String, byte[]> producer = kafka.producers("txfloor").get()) {
            for (int i = -WARMUP; i < transactions; i++) {
                long start = System.nanoTime();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(topics.raw(), "bench:1", value));
                producer.send(new ProducerRecord<>(topics.events(), "bench:1", value));
                producer.send(new ProducerRecord<>(topics.state(), "session:bench:1", value));
                producer.commitTransaction();
                if (i >= 0) {
                    micros[i] = (System.nanoTime() - start) / 1000;
                }
                Thread.sleep(5);
            }
        }
        Arrays.sort(micros);
        return new Result(transactions, at(micros, 50), at(micros, 99), at(micros, 99.9));
    }

    private static double at(long[] sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1000.0;
    }
}
