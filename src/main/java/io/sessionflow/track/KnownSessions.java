package io.sessionflow.track;

import io.sessionflow.event.SystemId;
import java.util.Map;
import java.util.stream.Stream;

/** Where the tracker keeps what it has published, per session key. */
public interface KnownSessions {

    KnownSession get(String key);

    Stream<KnownSession> of(SystemId system);

    /** Applied only after the events derived from these changes are acknowledged by Kafka. */
    void apply(Map<String, KnownSession> changes);
}
