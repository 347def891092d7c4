package io.sessionflow.track;

import io.sessionflow.source.storyclm.StoryclmModule;

import io.sessionflow.source.seeit.SeeitModule;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.event.SystemId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-source memory of record inputs: what a poll hands over, what a commit keeps, what it forgets. */
class RecordInputsTest {
    private final SessionTracker tracker = new SessionTracker(new InMemoryKnownSessions());

    @Test
    void digestIsOfTheWholeInputItsScopeIncluded() {
        assertThat(RecordDigest.of("s", "{\"id\":1}")).isEqualTo(RecordDigest.of("s", "{\"id\":1}"));
        assertThat(RecordDigest.of("s", "{\"id\":1}")).isNotEqualTo(RecordDigest.of("s", "{\"id\":2}"));
        assertThat(RecordDigest.of("a", "bc")).isNotEqualTo(RecordDigest.of("ab", "c"));
        assertThat(RecordDigest.of("s", null)).as("no text, nothing to recognise").isNull();
    }

    @Test
    void aCommitReplacesTheMemoryWithThePollsRecordsOnly() {
        RecordDigest a = RecordDigest.of(null, "a");
        RecordDigest b = RecordDigest.of(null, "b");
        commit(polled(Map.of("seeit:A", a, "seeit:B", b)));
        assertThat(tracker.inputs(SeeitModule.SYSTEM).sessionOf(a)).isEqualTo("seeit:A");

        commit(polled(Map.of("seeit:B", b)));

        assertThat(tracker.inputs(SeeitModule.SYSTEM).sessionOf(a)).as("A was not listed: forgotten").isNull();
        assertThat(tracker.inputs(SeeitModule.SYSTEM).sessionOf(b)).isEqualTo("seeit:B");
        assertThat(tracker.inputs(SeeitModule.SYSTEM).size()).isEqualTo(1);
    }

    @Test
    void nothingIsRememberedBeforeTheCommitNorForAnotherSystem() {
        RecordDigest a = RecordDigest.of(null, "a");
        PolledInputs polled = polled(Map.of("seeit:A", a));

        assertThat(tracker.inputs(SeeitModule.SYSTEM).sessionOf(a)).isNull();
        commit(polled);
        assertThat(tracker.inputs(StoryclmModule.SYSTEM).sessionOf(a)).isNull();
    }

    @Test
    void aSessionMappedWithoutAnInputIsNotRememberedButCountsAsTaken() {
        PolledInputs polled = new PolledInputs(SeeitModule.SYSTEM, 1);
        polled.mapped("seeit:A", null);

        assertThat(polled.has("seeit:A")).isTrue();
        commit(polled);
        assertThat(tracker.inputs(SeeitModule.SYSTEM).size()).isZero();
    }

    @Test
    void unchangedSessionsAreHandedToTheDiffAsListed() {
        RecordDigest a = RecordDigest.of(null, "a");
        PolledInputs polled = new PolledInputs(SeeitModule.SYSTEM, 2);
        polled.unchanged("seeit:A", a);
        polled.mapped("seeit:B", RecordDigest.of(null, "b"));

        assertThat(polled.unchangedSessions()).isEqualTo(List.of("seeit:A"));
        commit(polled);
        assertThat(tracker.inputs(SeeitModule.SYSTEM).sessionOf(a)).isEqualTo("seeit:A");
    }

    private PolledInputs polled(Map<String, RecordDigest> inputs) {
        PolledInputs polled = new PolledInputs(SeeitModule.SYSTEM, inputs.size());
        inputs.forEach(polled::mapped);
        return polled;
    }

    private void commit(PolledInputs polled) {
        tracker.commit(Transitions.none().withInputs(polled));
    }
}
