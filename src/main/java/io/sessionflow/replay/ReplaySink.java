package io.sessionflow.replay;

import io.sessionflow.event.SessionEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Where replayed events go: a file (JSON Lines, CSV) or another topic. */
public interface ReplaySink extends AutoCloseable {

    /** @param event the record's value, already parsed for the filters */
    void write(ConsumerRecord<String, byte[]> record, SessionEvent event);

    @Override
    void close();
}
