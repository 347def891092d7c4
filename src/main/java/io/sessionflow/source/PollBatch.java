package io.sessionflow.source;

import io.sessionflow.event.SessionEvent;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.event.SystemId;
import io.sessionflow.track.Transitions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one poll of one account produces, published together in one Kafka transaction: raw payloads, canonical
 * events, dead letters, and the tracker memory (and the poll time, the source's cursor) to keep once committed.
 *
 * @param polledAt  the poll's time, committed as the source's cursor; null for a batch that does not advance it
 * @param watermark every change of the account seen up to this time is in this batch or was published before it
 *                  (its completeness watermark); null for a batch that cannot say so (a push feed that is down)
 */
public record PollBatch(
        SourceAccount account,
        List<RawPayload> raw,
        Transitions transitions,
        List<DeadLetter> deadLetters,
        Instant polledAt,
        Instant watermark) {

    public PollBatch(SourceAccount account, List<RawPayload> raw, Transitions transitions,
                     List<DeadLetter> deadLetters) {
        this(account, raw, transitions, deadLetters, null, null);
    }

    /** A poll of the vendor's whole current state at {@code polledAt}: complete up to then. */
    public PollBatch(SourceAccount account, List<RawPayload> raw, Transitions transitions,
                     List<DeadLetter> deadLetters, Instant polledAt) {
        this(account, raw, transitions, deadLetters, polledAt, polledAt);
    }

    /**
     * Batches of one system taken one after another, published as one (a push source's group commit): all
     * their records in order, the tracker memory each session was left in, the last batch's cursor and the latest
     * watermark.
     */
    public static PollBatch inOrder(SourceAccount account, List<PollBatch> batches) {
        if (batches.size() == 1) {
            return batches.get(0);
        }
        List<RawPayload> raw = new ArrayList<>();
        List<Transitions> transitions = new ArrayList<>();
        List<DeadLetter> deadLetters = new ArrayList<>();
        Instant watermark = null;
        for (PollBatch b : batches) {
            raw.addAll(b.raw());
            transitions.add(b.transitions());
            deadLetters.addAll(b.deadLetters());
            if (b.watermark() != null && (watermark == null || b.watermark().isAfter(watermark))) {
                watermark = b.watermark();
            }
        }
        Instant polledAt = batches.isEmpty() ? null : batches.get(batches.size() - 1).polledAt();
        return new PollBatch(account, List.copyOf(raw), Transitions.inOrder(transitions), List.copyOf(deadLetters),
                polledAt, watermark);
    }

    public PollBatch withDeadLetters(List<DeadLetter> onlyThese) {
        return new PollBatch(account, raw, transitions, onlyThese, polledAt, watermark);
    }

    public PollBatch withWatermark(Instant completeUpTo) {
        return new PollBatch(account, raw, transitions, deadLetters, polledAt, completeUpTo);
    }

    public SystemId system() {
        return account.system();
    }

    public List<SessionEvent> events() {
        return transitions.events();
    }

    public boolean isEmpty() {
        return raw.isEmpty() && transitions.events().isEmpty() && deadLetters.isEmpty();
    }
}
