package io.sessionflow.rederive;

import io.sessionflow.config.AccountSettings;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.replay.Progress;
import io.sessionflow.source.PollBatch;
import io.sessionflow.source.SourceModules;
import io.sessionflow.track.Forgetting;
import io.sessionflow.track.InMemoryKnownSessions;
import io.sessionflow.track.SessionTracker;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs today's fetchers, mappers and tracker over the archived raw payloads, poll by poll in their original
 * order and at their original instant, and writes the canonical events to a new topic. Each account's
 * {@link RederivableSource} (from its system's module) asks the same questions its live source asked (they depend
 * on the poll instant, the settings and the tracker's memory, all reproduced) and answers them from the archive, so
 * unchanged mappers give the live run's events and ids. Each replayed poll is committed as the live publisher
 * commits it: transitions and the account's cursor ({@code KnownSessions.lastPoll}), on which the next poll's
 * window depends.
 *
 * <p>Polls of accounts without a {@link RederivableSource} are counted and skipped.
 */
public final class Rederivation {
    private static final Logger LOG = LoggerFactory.getLogger(Rederivation.class);
    private final String bootstrap;
    private final Function<SourceAccount, Optional<AccountSettings>> settings;
    private final Map<SourceAccount, Optional<RederivableSource>> sources = new HashMap<>();
    private final Map<SourceAccount, SessionTracker> trackers = new HashMap<>();

    /**
     * @param settings each account's settings of the live run (page sizes, windows: part of the archived requests);
     *                 read when the account's first poll is replayed, so accounts absent from the archive do not matter
     */
    public Rederivation(String bootstrap, Function<SourceAccount, Optional<AccountSettings>> settings) {
        this.bootstrap = bootstrap;
        this.settings = settings;
    }

    public Summary run(String rawTopic, String targetTopic, Progress progress) {
        Summary summary = new Summary();
        try (EventWriter writer = new EventWriter(bootstrap, targetTopic)) {
            new RawArchive(bootstrap).polls(rawTopic, progress, poll -> derive(poll, writer, summary));
        }
        summary.skippedPolls.forEach((account, n) ->
                LOG.warn("{} polls of {} skipped: no re-derivation for it (yet, or its settings are unknown)", n,
                        account));
        return summary;
    }

    private void derive(RawPoll poll, EventWriter writer, Summary summary) {
        Optional<RederivableSource> source = sources.computeIfAbsent(poll.account(), this::sourceOf);
        if (source.isEmpty()) {
            summary.skippedPolls.merge(poll.account().toString(), 1, Integer::sum);
            return;
        }
        SessionTracker tracker = trackers.computeIfAbsent(poll.account(),
                a -> new SessionTracker(new InMemoryKnownSessions(), forgettingOf(a)));
        PollBatch batch;
        try {
            batch = source.get().replay(poll, tracker);
        } catch (RuntimeException e) {
            // the live poll succeeded (its payloads are archived): a failure here means changed settings or code
            LOG.warn("{} poll of {} could not be re-derived: {}", poll.account(), poll.fetchedAt(), e.getMessage());
            summary.failedPolls++;
            return;
        }
        batch.events().forEach(e -> writer.write(e, poll.fetchedAt()));
        tracker.commit(batch.system(), batch.transitions(), batch.polledAt());
        summary.polls++;
        summary.events += batch.events().size();
        summary.deadLetters += batch.deadLetters().size();
    }

    /** As the live account forgot closed sessions, so that one listed again is not new here either. */
    private Forgetting forgettingOf(SourceAccount account) {
        return SourceModules.of(account.system())
                .flatMap(module -> settings.apply(account).map(module::forgetting)).orElse(Forgetting.NEVER);
    }

    private Optional<RederivableSource> sourceOf(SourceAccount account) {
        return SourceModules.of(account.system())
                .flatMap(module -> settings.apply(account).flatMap(module::rederivation));
    }
    /** What a re-derivation did, for the closing line and for tests. */
    public static final class Summary {
        public int polls;
        public int failedPolls;
        public long events;
        public long deadLetters;
        public final Map<String, Integer> skippedPolls = new TreeMap<>();

        @Override
        public String toString() {
            return polls + " polls re-derived into " + events + " events (" + deadLetters + " unmappable records, "
                    + failedPolls + " polls failed, skipped by account: " + skippedPolls + ")";
        }
    }
}
