package io.sessionflow.source;

import io.sessionflow.event.SourceAccount;

import io.sessionflow.source.storyclm.StoryclmModule;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.event.SessionEvent;
import io.sessionflow.event.SystemId;
import io.sessionflow.source.storyclm.StoryclmMapper;
import io.sessionflow.source.storyclm.StoryclmPayload;
import io.sessionflow.track.InMemoryKnownSessions;
import io.sessionflow.track.KnownSessions;
import io.sessionflow.track.MissingPolicy;
import io.sessionflow.track.SessionTracker;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The poller skips a record whose whole input made the session's committed state, and only that: StoryCLM's
 * real mapper behind a counter, a vendor list held in memory, the tracker committed by hand as the publisher
 * does after Kafka acknowledged.
 */
class SnapshotPollerUnchangedTest {
    private static final String SCOPE = "getsessions";
    private final Clock clock = Clock.fixed(Instant.parse("2017-06-13T12:00:00Z"), ZoneOffset.UTC);
    private final SessionTracker tracker = new SessionTracker(new InMemoryKnownSessions());
    private final Map<String, String> vendor = new LinkedHashMap<>();
    private final List<String> mapped = new ArrayList<>();
    private boolean mapperReadsOnlyItsRecord = true;
    private boolean fetcherKnowsInput = true;
    private final SnapshotPoller<StoryclmPayload> poller = new SnapshotPoller<>(
            SourceAccount.defaultOf(StoryclmModule.SYSTEM),
            this::fetch,
            new CountingMapper(),
            MissingPolicy.DELETED,
            tracker,
            clock);

    @Test
    void unchangedListIsNeitherMappedNorPublished() {
        vendor.put("A", session("A", 1));
        vendor.put("B", session("B", 1));
        commit(poller.poll());
        mapped.clear();

        PollBatch again = poller.poll();

        assertThat(mapped).isEmpty();
        assertThat(again.events()).isEmpty();
        assertThat(again.transitions().changes()).isEmpty();
    }

    @Test
    void sessionChangedAfterAnUnchangedPollIsMappedAndUpdated() {
        vendor.put("A", session("A", 1));
        vendor.put("B", session("B", 1));
        commit(poller.poll());
        commit(poller.poll());
        mapped.clear();

        vendor.put("B", session("B", 2));
        PollBatch changed = poller.poll();

        assertThat(mapped).containsExactly("B");
        assertThat(types(changed)).containsExactly("B sessionflow.session.updated");
    }

    @Test
    void unchangedSessionsCountAsListedAndOneThatLeavesIsDeleted() {
        vendor.put("A", session("A", 1));
        vendor.put("B", session("B", 1));
        commit(poller.poll());
        mapped.clear();

        vendor.remove("B");
        PollBatch batch = poller.poll();

        assertThat(mapped).isEmpty();
        assertThat(types(batch))
                .as("A was skipped, not taken for gone")
                .containsExactly("B sessionflow.session.deleted");
        commit(batch);
        assertThat(tracker.inputs(StoryclmModule.SYSTEM).size()).as("the vanished session is forgotten").isEqualTo(1);
    }

    @Test
    void sessionThatComesBackToAnEarlierRecordIsMappedAgain() {
        vendor.put("A", session("A", 1));
        commit(poller.poll());
        vendor.put("A", session("A", 2));
        commit(poller.poll());

        vendor.put("A", session("A", 1));
        PollBatch back = poller.poll();

        assertThat(types(back)).containsExactly("A sessionflow.session.updated");
    }

    @Test
    void onlyCommittedPollsAreRemembered() {
        vendor.put("A", session("A", 1));
        poller.poll(); // Kafka did not acknowledge: nothing remembered
        mapped.clear();

        PollBatch retried = poller.poll();

        assertThat(mapped).containsExactly("A");
        assertThat(types(retried)).containsExactly("A sessionflow.session.started");
    }

    @Test
    void afterARestartEverythingIsMappedOnceAndOnlyWhatChangedIsPublished() {
        vendor.put("A", session("A", 1));
        vendor.put("B", session("B", 1));
        commit(poller.poll());
        // a new process: the tracker's sessions restored (here: the same store), the record memory empty
        SessionTracker restarted = new SessionTracker(tracker.known());
        SnapshotPoller<StoryclmPayload> after = new SnapshotPoller<>(
                SourceAccount.defaultOf(StoryclmModule.SYSTEM),
                this::fetch,
                new CountingMapper(),
                MissingPolicy.DELETED,
                restarted,
                clock);
        vendor.put("B", session("B", 2));
        mapped.clear();

        PollBatch first = after.poll();
        restarted.commit(StoryclmModule.SYSTEM, first.transitions(), first.polledAt());
        mapped.clear();
        PollBatch second = after.poll();

        assertThat(types(first)).containsExactly("B sessionflow.session.updated");
        assertThat(mapped).as("remembered from the first poll after the restart").isEmpty();
        assertThat(second.events()).isEmpty();
    }

    @Test
    void mapperThatReadsMoreThanItsRecordIsAlwaysAsked() {
        mapperReadsOnlyItsRecord = false;
        vendor.put("A", session("A", 1));
        commit(poller.poll());
        mapped.clear();

        poller.poll();

        assertThat(mapped).containsExactly("A");
    }

    @Test
    void recordWithoutKnownInputIsAlwaysMapped() {
        fetcherKnowsInput = false;
        vendor.put("A", session("A", 1));
        commit(poller.poll());
        mapped.clear();

        poller.poll();

        assertThat(mapped).containsExactly("A");
    }

    @Test
    void unreadableRecordIsDeadLetteredOnEveryPollAsBefore() {
        vendor.put("A", session("A", 1));
        vendor.put("X", "{\"id\":\"X\",\"start\":\"last tuesday\",\"offset\":3}");
        PollBatch first = poller.poll();
        commit(first);

        PollBatch second = poller.poll();

        assertThat(first.deadLetters()).hasSize(1);
        assertThat(second.deadLetters()).extracting(DeadLetter::raw).containsExactly(vendor.get("X"));
        assertThat(second.events()).as("its scope is not complete, so nothing is deleted").isEmpty();
    }

    @Test
    void sameSessionListedTwiceWithDifferentRecordsIsMappedForTheOneThatDiffers() {
        vendor.put("A", session("A", 1));
        commit(poller.poll());
        mapped.clear();

        List<SourceRecord<StoryclmPayload>> twice = List.of(record(session("A", 1)), record(session("A", 2)));
        SnapshotPoller<StoryclmPayload> listingTwice = new SnapshotPoller<>(
                SourceAccount.defaultOf(StoryclmModule.SYSTEM),
                (now, known) -> new FetchResult<>(List.of(), twice, Set.of(SCOPE), List.of()),
                new CountingMapper(),
                MissingPolicy.DELETED,
                tracker,
                clock);
        PollBatch batch = listingTwice.poll();
        commit(batch);

        assertThat(types(batch)).containsExactly("A sessionflow.session.updated");
        vendor.put("A", session("A", 1));
        assertThat(types(poller.poll())).as("the memory holds the record that made the state: the second")
                .containsExactly("A sessionflow.session.updated");
    }

    private FetchResult<StoryclmPayload> fetch(Instant now, KnownSessions known) {
        List<SourceRecord<StoryclmPayload>> records = vendor.values().stream().map(this::record).toList();
        return new FetchResult<>(List.of(), records, Set.of(SCOPE), List.of());
    }

    private SourceRecord<StoryclmPayload> record(String text) {
        StoryclmPayload payload = new StoryclmPayload(Json.parse(text.getBytes(), "test session"));
        return new SourceRecord<>(SCOPE, "POST getsessions", payload, text, fetcherKnowsInput ? text : null);
    }

    private void commit(PollBatch batch) {
        tracker.commit(batch.system(), batch.transitions(), batch.polledAt());
    }

    private static String session(String id, int slides) {
        return "{\"id\":\"" + id + "\",\"start\":\"2017-06-13T10:07:02\",\"offset\":3,\"finished\":0,"
                + "\"slides\":" + slides + ",\"userName\":\"user@mail.com\",\"presentationId\":17}";
    }

    private static List<String> types(PollBatch batch) {
        return batch.events().stream().map(SnapshotPollerUnchangedTest::describe).toList();
    }

    private static String describe(SessionEvent e) {
        return e.subject() + " " + e.type().type();
    }

    /** StoryCLM's mapper, counting what it is asked to map; whether it reads only its record is the test's. */
    private final class CountingMapper implements SessionMapper<StoryclmPayload> {
        private final StoryclmMapper real = new StoryclmMapper();

        @Override
        public io.sessionflow.track.SessionSnapshot map(SourceRecord<StoryclmPayload> record, Instant now) {
            mapped.add(Json.text(record.payload().session(), "id"));
            return real.map(record, now);
        }

        @Override
        public boolean readsOnlyItsRecord() {
            return mapperReadsOnlyItsRecord && real.readsOnlyItsRecord();
        }
    }
}
