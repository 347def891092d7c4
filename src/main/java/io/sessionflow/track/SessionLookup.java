package io.sessionflow.track;

import io.sessionflow.event.SystemId;
import java.util.stream.Stream;

/** What a diff compares snapshots against: the tracker's memory, or that memory plus a run's pending changes. */
public interface SessionLookup {

    KnownSession get(String key);

    Stream<KnownSession> of(SystemId system);
}
