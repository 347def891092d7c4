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
 * @param polledAt    the poll's time, committed as the source's cursor; null for a batch that does not advance it
 * @param watermark   every change of the account seen up to this time is in this batch or was published before it
 *                    (its completeness watermark); null for a batch that cannot say so (a push feed that is down, a
 *                    poll that left a part out)
 * @param fromVendor  whether the vendor was heard from at all: a batch of the clock alone (Tradernet's expiry check)
 *                    says nothing of the vendor's health, so it is no poll for readiness and metrics
 * @param failedParts parts of the poll that failed while the rest was read (a session, a training), one
 *                    credential-free line each: their sessions keep their state and are read again next poll
 */
public record PollBatch(
        SourceAccount account,
        List<RawPayload> raw,
        Transitions transitions,
        List<DeadLetter> deadLetters,
        Instant polledAt,
        Instant watermark,
        boolean fromVendor,
        List<String> failedParts) {

    public PollBatch {
        failedParts = List.copyOf(failedParts);
    }

    public PollBatch(SourceAccount account, List<RawPayload> raw, Transitions transitions,
                     List<DeadLetter> deadLetters) {
        this(account, raw, transitions, deadLetters, null, null, true, List.of());
    }

    /** A poll of the vendor's whole current state at {@code polledAt}: complete up to then. */
    public PollBatch(SourceAccount account, List<RawPayload> raw, Transitions transitions,
                     List<DeadLetter> deadLetters, Instant polledAt) {
        this(account, raw, transitions, deadLetters, polledAt, polledAt, true, List.of());
    }

    /**
     * A poll at {@code polledAt} that left {@code failedParts} out: the rest is published, but it is complete up to
     * then only when nothing was left out.
     */
    public static PollBatch partial(SourceAccount account, List<RawPayload> raw, Transitions transitions,
                                    List<DeadLetter> deadLetters, Instant polledAt, List<String> failedParts) {
        return new PollBatch(account, raw, transitions, deadLetters, polledAt,
                failedParts.isEmpty() ? polledAt : null, true, failedParts);
    }

    /**
     * Batches of one system taken one after another, published as one (a push source's group commit): all
     * their records in order, the tracker memory each session was left in, the last batch's cursor and the latest
     * watermark. The vendor was heard from when any of them heard from it.
     */
    public static PollBatch inOrder(SourceAccount account, List<PollBatch> batches) {
        if (batches.size() == 1) {
            return batches.get(0);
        }
        List<RawPayload> raw = new ArrayList<>();
        List<Transitions> transitions = new ArrayList<>();
        List<DeadLetter> deadLetters = new ArrayList<>();
        List<String> failedParts = new ArrayList<>();
        boolean fromVendor = false;
        Instant watermark = null;
        for (PollBatch b : batches) {
            raw.addAll(b.raw());
            transitions.add(b.transitions());
            deadLetters.addAll(b.deadLetters());
            failedParts.addAll(b.failedParts());
            fromVendor |= b.fromVendor();
            if (b.watermark() != null && (watermark == null || b.watermark().isAfter(watermark))) {
                watermark = b.watermark();
            }
        }
        Instant polledAt = batches.isEmpty() ? null : batches.get(batches.size() - 1).polledAt();
        return new PollBatch(account, List.copyOf(raw), Transitions.inOrder(transitions), List.copyOf(deadLetters),
                polledAt, watermark, fromVendor, failedParts);
    }

    public PollBatch withDeadLetters(List<DeadLetter> onlyThese) {
        return new PollBatch(account, raw, transitions, onlyThese, polledAt, watermark, fromVendor, failedParts);
    }

    public PollBatch withWatermark(Instant completeUpTo) {
        return new PollBatch(account, raw, transitions, deadLetters, polledAt, completeUpTo, fromVendor, failedParts);
    }

    /** The same batch, made by the clock alone: the vendor was not asked. */
    public PollBatch ofClock() {
        return new PollBatch(account, raw, transitions, deadLetters, polledAt, watermark, false, failedParts);
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
