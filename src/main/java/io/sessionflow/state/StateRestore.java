package io.sessionflow.state;

import io.sessionflow.event.SourceAccount;
import io.sessionflow.event.SystemId;
import io.sessionflow.track.InMemoryKnownSessions;
import io.sessionflow.track.KnownSession;
import io.sessionflow.track.SessionKeys;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the trackers' memory of some accounts from the state topic's committed records (read_committed, so only
 * state whose events were committed with it comes back). Called when a shard is assigned, after its producer fenced
 * the previous owner: nothing of those accounts can be committed behind this read.
 */
public final class StateRestore {
    private static final Logger LOG = LoggerFactory.getLogger(StateRestore.class);

    private StateRestore() {
    }

    /**
     * What the state topic holds of some accounts: each one's memory, and which of them carry a removal mark newer
     * than their last committed poll (stopped for good, unless added again).
     */
    public record Restored(Map<SourceAccount, InMemoryKnownSessions> memory, Set<SourceAccount> removed) {
    }

    /**
     * The memory of each wanted account that has any state, from the latest record of each key ({@link
     * StateFollower}), applied in the order they were written:
     * a removal mark and the account's later cursor have keys of their own, so only their times order them.
     */
    public static Restored of(Collection<ConsumerRecord<String, byte[]>> latest, Predicate<SourceAccount> wanted) {
        long started = System.nanoTime();
        Rebuild rebuild = new Rebuild(wanted);
        latest.stream().sorted(Comparator.comparingLong(ConsumerRecord::timestamp)).forEach(rebuild::apply);
        return rebuild.done("the followed state (" + latest.size() + " keys)", started);
    }

    /** The memory of the wanted accounts, built record by record. */
    private static final class Rebuild {
        private final Predicate<SourceAccount> wanted;
        private final Map<SourceAccount, InMemoryKnownSessions> known = new HashMap<>();
        private final Set<SourceAccount> removed = new HashSet<>();
        private final Map<SourceAccount, Map<String, KnownSession>> sessions = new HashMap<>();
        private final Map<SourceAccount, Map<String, Instant>> deadLetters = new HashMap<>();

        Rebuild(Predicate<SourceAccount> wanted) {
            this.wanted = wanted;
        }

        void apply(ConsumerRecord<String, byte[]> r) {
            StateRestore.apply(r, wanted, sessions, deadLetters, known);
            removal(r, wanted, removed);
        }

        Restored done(String from, long started) {
            sessions.forEach((account, s) -> memoryOf(known, account).apply(s));
            deadLetters.forEach((account, d) -> d.forEach((fingerprint, at) ->
                    memoryOf(known, account).deadLettered(List.of(fingerprint), at)));
            LOG.info("restored {} tracked sessions of {} accounts from {} in {} ms",
                    known.values().stream().mapToInt(InMemoryKnownSessions::size).sum(), known.size(), from,
                    (System.nanoTime() - started) / 1_000_000);
            return new Restored(known, removed);
        }
    }

    /** The account a state record belongs to; null for a record of no account (a tombstone, a foreign key). */
    static SourceAccount accountOf(ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) {
            return null;
        }
        if (StateRecords.isSession(r.key())) {
            KnownSession s = StateRecords.session(r.value());
            return new SourceAccount(s.data().system(),
                    s.data().account() == null ? SourceAccount.DEFAULT : s.data().account());
        } else if (StateRecords.isDeadLetter(r.key())) {
            return StateRecords.deadLettered(r.value()).source();
        } else if (StateRecords.isCursor(r.key())) {
            return StateRecords.cursor(r.value()).source();
        } else if (StateRecords.isRemoval(r.key())) {
            StateRecords.Removed mark = StateRecords.removed(r.value());
            return new SourceAccount(SystemId.of(mark.system()), mark.account());
        }
        return null;
    }

    /** A removal mark stands until the account polls again (it was added back). */
    private static void removal(ConsumerRecord<String, byte[]> r, Predicate<SourceAccount> wanted,
                                Set<SourceAccount> removed) {
        if (r.value() == null) {
            return;
        }
        if (StateRecords.isRemoval(r.key())) {
            StateRecords.Removed mark = StateRecords.removed(r.value());
            SourceAccount account = new SourceAccount(SystemId.of(mark.system()), mark.account());
            if (wanted.test(account)) {
                removed.add(account);
            }
        } else if (StateRecords.isCursor(r.key())) {
            removed.remove(StateRecords.cursor(r.value()).source());
        }
    }

    /**
     * A tombstone (null value) removes what an earlier record of its key said: the tracker forgot it. Its key names
     * the session or dead letter across accounts, so it is removed wherever it was.
     */
    private static void apply(ConsumerRecord<String, byte[]> r, Predicate<SourceAccount> wanted,
                              Map<SourceAccount, Map<String, KnownSession>> sessions,
                              Map<SourceAccount, Map<String, Instant>> deadLetters,
                              Map<SourceAccount, InMemoryKnownSessions> known) {
        if (StateRecords.isSession(r.key())) {
            if (r.value() == null) {
                String key = StateRecords.trackerKeyOf(r.key());
                sessions.values().forEach(m -> m.remove(key));
                return;
            }
            KnownSession s = StateRecords.session(r.value());
            SourceAccount account = new SourceAccount(s.data().system(),
                    s.data().account() == null ? SourceAccount.DEFAULT : s.data().account());
            if (wanted.test(account)) {
                sessions.computeIfAbsent(account, a -> new HashMap<>()).put(SessionKeys.of(s.data()), s);
            }
        } else if (StateRecords.isDeadLetter(r.key())) {
            String fingerprint = StateRecords.fingerprintOf(r.key());
            if (r.value() == null) {
                deadLetters.values().forEach(m -> m.remove(fingerprint));
                return;
            }
            StateRecords.DeadLettered dead = StateRecords.deadLettered(r.value());
            if (wanted.test(dead.source())) {
                deadLetters.computeIfAbsent(dead.source(), a -> new HashMap<>()).put(fingerprint, dead.at());
            }
        } else if (StateRecords.isCursor(r.key()) && r.value() != null) {
            StateRecords.Cursor c = StateRecords.cursor(r.value());
            if (wanted.test(c.source())) {
                memoryOf(known, c.source()).advance(c.system(), c.lastPoll());
            }
        }
    }

    private static InMemoryKnownSessions memoryOf(Map<SourceAccount, InMemoryKnownSessions> known,
                                                  SourceAccount account) {
        return known.computeIfAbsent(account, a -> new InMemoryKnownSessions());
    }
}
