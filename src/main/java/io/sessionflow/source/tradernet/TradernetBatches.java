package io.sessionflow.source.tradernet;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.source.DeadLetter;
import io.sessionflow.source.Json;
import io.sessionflow.source.MapAndDiff;
import io.sessionflow.source.PollBatch;
import io.sessionflow.source.RawPayload;
import io.sessionflow.source.SourceRecord;
import io.sessionflow.track.MissingPolicy;
import io.sessionflow.track.SessionTracker;
import io.sessionflow.track.SnapshotRun;
import io.sessionflow.track.Transitions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Each session list (feed message or snapshot) is a complete snapshot: diffed by the shared tracker with
 * {@link MissingPolicy#ENDED}, so a session that left the list ends. An expiry check re-reads the last list
 * against the clock, so a session whose {@code expire_datetime} passed ends even if no message comes.
 * The messages that waited in the queue together are one group, published in one Kafka transaction: each is
 * diffed against the state the ones before it left (a {@link SnapshotRun}), so no intermediate transition is lost.
 * Called from one consumer only (the route's ordered queue); not thread-safe on purpose.
 */
public final class TradernetBatches {
    /** The raw endpoint of an expiry check that changed something: it has no body, only its instant. */
    static final String EXPIRY_CHECK_ENDPOINT = "expiry check";
    /** Added to a snapshot's raw endpoint when it was taken after a reconnect (its transitions are recovered). */
    static final String RECOVERY_SUFFIX = " after reconnect";
    private final SourceAccount account;
    private final TradernetMapper mapper;
    private final SessionTracker tracker;
    private final Clock clock;
    /** Null until a list was read on this instance: the tracker's memory alone says nothing of what is listed. */
    private List<SourceRecord<JsonNode>> lastList;
    /**
     * The zone the last list's times are written in, read from its countdowns when it was received (in memory: the
     * first list after a start whose sessions have all expired is read as the document's UTC).
     */
    private ZoneOffset lastOffset = ZoneOffset.UTC;
    /** The last list and its zone as the last published group left them: where a group published again starts. */
    private List<SourceRecord<JsonNode>> publishedList;
    private ZoneOffset publishedOffset = ZoneOffset.UTC;

    public TradernetBatches(SourceAccount account, TradernetMapper mapper, SessionTracker tracker, Clock clock) {
        this.account = account;
        this.mapper = mapper;
        this.tracker = tracker;
        this.clock = clock;
    }

    /** One batch for messages taken from the queue in this order. */
    public PollBatch toBatch(List<TradernetMessage> group) {
        SnapshotRun run = tracker.run();
        List<PollBatch> batches = new ArrayList<>(group.size());
        for (TradernetMessage message : group) {
            batches.add(toBatch(message, run));
        }
        return PollBatch.inOrder(account, batches);
    }

    /** The group just turned into a batch was published: its last list is what the next group's checks read. */
    void published() {
        publishedList = lastList;
        publishedOffset = lastOffset;
    }

    /** A group that was not published is read again from its first message: back to the list before it. */
    void rewind() {
        lastList = publishedList;
        lastOffset = publishedOffset;
    }

    public PollBatch toBatch(TradernetMessage message) {
        return toBatch(List.of(message));
    }

    private PollBatch toBatch(TradernetMessage message, SnapshotRun run) {
        return read(message, run).withWatermark(message.completeUpTo());
    }

    private PollBatch read(TradernetMessage message, SnapshotRun run) {
        // the message's own time, not the moment it is diffed: a group published again, or re-derived, reads alike
        Instant now = message.receivedAt();
        if (message.kind() == TradernetMessage.Kind.EXPIRY_CHECK) {
            if (lastList == null) {
                // no list yet (a start whose login is slow or refused): nothing to check, and nothing is missing
                return new PollBatch(account, List.of(), Transitions.none(), List.of()).ofClock();
            }
            // the clock's batch: it says nothing of the vendor, so it is no poll for readiness and metrics
            PollBatch check = diff(run, lastList, lastOffset, List.of(), now, false, true).ofClock();
            // a check that changed something is archived (no body), so re-derivation runs it at the same instant
            return check.transitions().changes().isEmpty() ? check : new PollBatch(account,
                    List.of(new RawPayload(TradernetModule.SYSTEM, EXPIRY_CHECK_ENDPOINT, now, "application/json",
                            new byte[0])), check.transitions(), check.deadLetters(), check.polledAt(),
                    check.watermark(), false, check.failedParts());
        }
        String endpoint = message.kind() == TradernetMessage.Kind.SNAPSHOT && message.recovered()
                ? message.endpoint() + RECOVERY_SUFFIX : message.endpoint();
        List<RawPayload> raw = List.of(new RawPayload(TradernetModule.SYSTEM, endpoint, message.receivedAt(),
                "application/json", message.raw().getBytes(StandardCharsets.UTF_8)));
        if (message.problem() != null || message.sessions() == null || !message.sessions().isArray()) {
            String reason = message.problem() != null ? message.problem() : "not a session list";
            return new PollBatch(account, raw, Transitions.none(),
                    List.of(new DeadLetter(TradernetModule.SYSTEM, message.endpoint(), now, reason, message.raw())));
        }
        List<SourceRecord<JsonNode>> records = new ArrayList<>();
        for (JsonNode session : Json.elements(message.sessions())) {
            records.add(new SourceRecord<>(TradernetMapper.SCOPE, message.endpoint(), session, session.toString()));
        }
        lastList = records;
        lastOffset = TradernetTimes.offsetOf(message.sessions(), message.receivedAt(), lastOffset);
        return diff(run, records, lastOffset, raw, now, message.recovered(), false);
    }

    private PollBatch diff(SnapshotRun run, List<SourceRecord<JsonNode>> records, ZoneOffset offset,
                           List<RawPayload> raw, Instant now, boolean recovered, boolean check) {
        // the pollers' one step, with the list's own zone for its zone-less times
        MapAndDiff<JsonNode> step = new MapAndDiff<>(account, (record, at) -> mapper.map(record, offset, at),
                MissingPolicy.ENDED);
        // an unreadable entry is still open at the vendor: with it missing, the list is not complete, so nobody ends
        MapAndDiff.Result mapped = step.apply(records, Set.of(TradernetMapper.SCOPE),
                tracker.inputs(TradernetModule.SYSTEM), run, now);
        Transitions transitions = mapped.transitions();
        if (recovered) {
            transitions = transitions.withEvents(
                    transitions.events().stream().map(TradernetBatches::markRecovered).toList());
        }
        // an expiry check re-reads a list whose dead letters were published already
        List<DeadLetter> unreadable = check ? List.of() : mapped.deadLetters();
        return new PollBatch(account, raw, transitions, unreadable);
    }

    private static SessionEvent markRecovered(SessionEvent e) {
        return SessionEvent.of(e.id(), e.source(), e.type(), e.time(),
                e.data().withMarks(e.data().participant(), e.data().inferred(), true));
    }
}
