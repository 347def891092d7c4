package io.sessionflow.bench;

import java.util.List;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The limit: a bare transactional KafkaProducer sending canonical events that are already serialized, in
 * transactions as large as the pipeline's, with the pipeline's producer settings. Nothing of ours runs.
 */
final class RawProducerStage {
    private final BenchKafka kafka;

    RawProducerStage(BenchKafka kafka) {
        this.kafka = kafka;
    }

    /** @return records per second over all transactions */
    double run(List<ProducerRecord<String, byte[]>> events, int perTransaction) {
        String topic = kafka.freshTopics("raw-limit").events();
        List<ProducerRecord<String, byte[]>> retargeted = events.stream()
                .map(e -> new ProducerRecord<>(topic, null, e.key(), e.value(), e.headers())).toList();
        try (Producer<String, byte[]> producer = kafka.producers("raw-limit").get()) {
            send(producer, retargeted.subList(0, Math.min(perTransaction, retargeted.size())), perTransaction);
            long start = System.nanoTime();
            send(producer, retargeted, perTransaction);
            return retargeted.size() / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static void send(Producer<String, byte[]> producer, List<ProducerRecord<String, byte[]>> records,
                             int perTransaction) {
        for (int from = 0; from < records.size(); from += perTransaction) {
            producer.beginTransaction();
            records.subList(from, Math.min(from + perTransaction, records.size())).forEach(producer::send);
            producer.commitTransaction();
        }
    }
}
