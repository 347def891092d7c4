package io.sessionflow.state;

import io.sessionflow.event.SourceAccount;
import io.sessionflow.event.SystemId;
import io.sessionflow.kafka.TopicToEnd;
import io.sessionflow.track.InMemoryKnownSessions;
import io.sessionflow.track.KnownSession;
import io.sessionflow.track.SessionKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the trackers' memory of some accounts from the state topic: every committed record up to the end,
 * read_committed, so only state whose events were committed with it comes back. Called when a shard is assigned,
 * after its producer fenced the previous owner: nothing of those accounts can be committed behind this read.
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

    /** @return the memory of each wanted account that has any state */
    public static Restored read(Properties client, String topic, Predicate<SourceAccount> wanted) {
        long started = System.nanoTime();
        Map<SourceAccount, InMemoryKnownSessions> known = new HashMap<>();
        Set<SourceAccount> removed = new HashSet<>();
        Map<SourceAccount, Map<String, KnownSession>> sessions = new HashMap<>();
        Map<SourceAccount, Map<String, Instant>> deadLetters = new HashMap<>();
        long records = TopicToEnd.read(client, topic, Duration.ofSeconds(60), r -> {
            apply(r, wanted, sessions, deadLetters, known);
            removal(r, wanted, removed);
        });
        sessions.forEach((account, s) -> memoryOf(known, account).apply(s));
        deadLetters.forEach((account, d) -> d.forEach((fingerprint, at) ->
                memoryOf(known, account).deadLettered(List.of(fingerprint), at)));
        LOG.info("restored {} tracked sessions of {} accounts from {} ({} records) in {} ms",
                known.values().stream().mapToInt(InMemoryKnownSessions::size).sum(), known.size(), topic, records,
                (System.nanoTime() - started) / 1_000_000);
        return new Restored(known, removed);
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
