package io.sessionflow.rederive;

import io.sessionflow.source.PollBatch;
import io.sessionflow.track.SessionTracker;

/**
 * One account's re-derivation: replays one archived poll through the same fetch, map and diff path the live source
 * runs, against the tracker that carries the memory from poll to poll. The caller publishes the batch's events and
 * commits its transitions and cursor, as the live publisher does.
 */
public interface RederivableSource {

    /** @throws RuntimeException when the archived poll does not answer what today's code asks */
    PollBatch replay(RawPoll poll, SessionTracker tracker);
}
