package io.sessionflow.rederive;

import io.sessionflow.config.Settings;
import io.sessionflow.event.SystemId;
import io.sessionflow.replay.Progress;
import io.sessionflow.source.PollBatch;
import io.sessionflow.source.Sources;
import io.sessionflow.track.InMemoryKnownSessions;
import io.sessionflow.track.SessionTracker;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs today's fetchers, mappers and tracker over the archived raw payloads, poll by poll in their original
 * order and at their original instant, and writes the canonical events to a new topic. Each system's
 * {@link RederivableSource} asks the same questions its live source asked (they depend on the poll instant, the
 * settings and the tracker's memory, all reproduced) and answers them from the archive, so unchanged mappers give
 * the live run's events and ids. Each replayed poll is committed as the live publisher commits it: transitions
 * and the system's cursor ({@code KnownSessions.lastPoll}), on which the next poll's window depends.
 *
 * <p>Polls of systems without a {@link RederivableSource} are counted and skipped.
 */
public final class Rederivation {
    private static final Logger LOG = LoggerFactory.getLogger(Rederivation.class);
    private final String bootstrap;
    private final Map<SystemId, RederivableSource> sources = new EnumMap<>(SystemId.class);
    private final SessionTracker tracker;

    /** @param settings the source settings of the live run (page sizes, windows: part of the archived requests) */
    public Rederivation(String bootstrap, Settings settings) {
        this.bootstrap = bootstrap;
        this.tracker = new SessionTracker(new InMemoryKnownSessions(), Sources.forgetting(settings));
        RederivableSources.from(settings).forEach(s -> sources.put(s.system(), s));
    }

    public Summary run(String rawTopic, String targetTopic, Progress progress) {
        Summary summary = new Summary();
        try (EventWriter writer = new EventWriter(bootstrap, targetTopic)) {
            new RawArchive(bootstrap).polls(rawTopic, progress, poll -> derive(poll, writer, summary));
        }
        summary.skippedPolls.forEach((system, n) ->
                LOG.warn("{} polls of {} skipped: no re-derivation for that system yet", n, system.id()));
        return summary;
    }

    private void derive(RawPoll poll, EventWriter writer, Summary summary) {
        RederivableSource source = sources.get(poll.system());
        if (source == null) {
            summary.skippedPolls.merge(poll.system(), 1, Integer::sum);
            return;
        }
        PollBatch batch;
        try {
            batch = source.replay(poll, tracker);
        } catch (RuntimeException e) {
            // the live poll succeeded (its payloads are archived): a failure here means changed settings or code
            LOG.warn("{} poll of {} could not be re-derived: {}", poll.system().id(), poll.fetchedAt(), e.getMessage());
            summary.failedPolls++;
            return;
        }
        batch.events().forEach(e -> writer.write(e, poll.fetchedAt()));
        tracker.commit(batch.system(), batch.transitions(), batch.polledAt());
        summary.polls++;
        summary.events += batch.events().size();
        summary.deadLetters += batch.deadLetters().size();
    }
    /** What a re-derivation did, for the closing line and for tests. */
    public static final class Summary {
        public int polls;
        public int failedPolls;
        public long events;
        public long deadLetters;
        public final Map<SystemId, Integer> skippedPolls = new EnumMap<>(SystemId.class);

        @Override
        public String toString() {
            return polls + " polls re-derived into " + events + " events (" + deadLetters + " unmappable records, "
                    + failedPolls + " polls failed, skipped by system: " + skippedPolls + ")";
        }
    }
}
