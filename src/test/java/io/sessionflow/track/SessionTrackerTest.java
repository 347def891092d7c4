package io.sessionflow.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sessionflow.event.EventIds;
import io.sessionflow.event.EventType;
import io.sessionflow.event.Person;
import io.sessionflow.event.SessionData;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.event.SessionStatus;
import io.sessionflow.source.storyclm.StoryclmModule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionTrackerTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-01-02T00:00:00Z");
    private final SessionTracker tracker = new SessionTracker(new InMemoryKnownSessions());

    private static SessionSnapshot snapshot(String id, String title, List<Milestone> milestones,
                                            List<ParticipantVisit> visits) {
        SessionData data = SessionData.builder(StoryclmModule.SYSTEM, StoryclmModule.KIND, id).title(title).build();
        return new SessionSnapshot("list", null, data, milestones, visits, T0.plusSeconds(999));
    }

    private static Milestone at(EventType type, int seconds) {
        return Milestone.reported(type, T0.plusSeconds(seconds));
    }

    private List<SessionEvent> poll(MissingPolicy missing, SessionSnapshot... snapshots) {
        Transitions t = tracker.diff(StoryclmModule.SYSTEM, List.of(snapshots), Set.of("list"), missing, NOW);
        tracker.commit(t);
        return t.events();
    }

    /**
     * Issue 18, finding 10: a vendor that reports an ended session as created again (a reused id) moved the
     * remembered status back to created without any event, and later updates then told consumers "created" for a
     * session they had seen end. The status never goes back: no lifecycle event behind the published one, and
     * updates carry the status consumers last saw.
     */
    @Test
    void anEndedSessionReportedAsCreatedAgainKeepsItsEndedStatus() {
        poll(MissingPolicy.IGNORE, snapshot("a", "Deck", List.of(at(EventType.SESSION_SCHEDULED, 0),
                at(EventType.SESSION_STARTED, 10), at(EventType.SESSION_ENDED, 20)), List.of()));

        List<SessionEvent> reportedCreated = poll(MissingPolicy.IGNORE, snapshot("a", "Deck",
                List.of(at(EventType.SESSION_CREATED, 30)), List.of()));
        List<SessionEvent> thenRenamed = poll(MissingPolicy.IGNORE, snapshot("a", "Deck v2",
                List.of(at(EventType.SESSION_CREATED, 30)), List.of()));

        assertThat(reportedCreated).as("no lifecycle step behind ended").isEmpty();
        assertThat(tracker.known().get(SessionKeys.of(StoryclmModule.SYSTEM, "a")).data().status())
                .isEqualTo(SessionStatus.ENDED);
        assertThat(thenRenamed).extracting(SessionEvent::type, e -> e.data().status())
                .containsExactly(tuple(EventType.SESSION_UPDATED, SessionStatus.ENDED));
    }

    @Test
    void aStartedSessionReportedAsScheduledAgainStaysStarted() {
        poll(MissingPolicy.IGNORE, snapshot("a", "Deck", List.of(at(EventType.SESSION_SCHEDULED, 0),
                at(EventType.SESSION_STARTED, 10)), List.of()));

        assertThat(poll(MissingPolicy.IGNORE, snapshot("a", "Deck", List.of(at(EventType.SESSION_SCHEDULED, 0)),
                List.of()))).isEmpty();
        assertThat(tracker.known().get(SessionKeys.of(StoryclmModule.SYSTEM, "a")).data().status())
                .as("remembered as consumers saw it").isEqualTo(SessionStatus.STARTED);
        assertThat(poll(MissingPolicy.IGNORE, snapshot("a", "Deck", List.of(at(EventType.SESSION_SCHEDULED, 0),
                at(EventType.SESSION_STARTED, 10), at(EventType.SESSION_ENDED, 20)), List.of())))
                .extracting(SessionEvent::type, e -> e.data().status())
                .containsExactly(tuple(EventType.SESSION_ENDED, SessionStatus.ENDED));
    }

    @Test
    void unchangedSessionYieldsNothingOnTheNextPoll() {
        SessionSnapshot s = snapshot("a", "Deck", List.of(at(EventType.SESSION_STARTED, 0)), List.of());
        assertThat(poll(MissingPolicy.IGNORE, s)).hasSize(1);
        assertThat(poll(MissingPolicy.IGNORE, s)).isEmpty();
    }

    @Test
    void onlyChangedSessionsBecomeStateChanges() {
        SessionSnapshot a = snapshot("a", "Deck", List.of(at(EventType.SESSION_STARTED, 0)), List.of());
        SessionSnapshot b = snapshot("b", "Deck", List.of(at(EventType.SESSION_STARTED, 0)), List.of());
        poll(MissingPolicy.IGNORE, a, b);
        SessionSnapshot bRenamed = snapshot("b", "Deck v2", List.of(at(EventType.SESSION_STARTED, 0)), List.of());

        Transitions t =
                tracker.diff(StoryclmModule.SYSTEM, List.of(a, bRenamed), Set.of("list"), MissingPolicy.IGNORE, NOW);

        assertThat(t.changes().keySet()).containsExactly(bRenamed.key());
        assertThat(t.events()).extracting(SessionEvent::type).containsExactly(EventType.SESSION_UPDATED);
    }

    @Test
    void firstSeenEndedYieldsTheSkippedStepsMarkedInferred() {
        SessionSnapshot s = snapshot("a", "Deck", List.of(at(EventType.SESSION_SCHEDULED, 0),
                at(EventType.SESSION_STARTED, 10), at(EventType.SESSION_ENDED, 20)), List.of());
        assertThat(poll(MissingPolicy.IGNORE, s))
                .extracting(e -> e.type(), e -> e.data().inferred(), e -> e.data().status(), SessionEvent::time)
                .containsExactly(
                        tuple(EventType.SESSION_SCHEDULED, true, SessionStatus.SCHEDULED, T0),
                        tuple(EventType.SESSION_STARTED, true, SessionStatus.STARTED, T0.plusSeconds(10)),
                        tuple(EventType.SESSION_ENDED, false, SessionStatus.ENDED, T0.plusSeconds(20)));
    }

    @Test
    void aStepWithoutVendorTimeTakesTheTimeOfTheNextStep() {
        SessionSnapshot s = snapshot("a", "Deck", List.of(Milestone.reported(EventType.SESSION_SCHEDULED, null),
                at(EventType.SESSION_STARTED, 10)), List.of());
        assertThat(poll(MissingPolicy.IGNORE, s)).extracting(SessionEvent::time)
                .containsExactly(T0.plusSeconds(10), T0.plusSeconds(10));
    }

    @Test
    void meaningfulChangeWithoutNewStepIsAnUpdateAtTheVendorsChangeTime() {
        poll(MissingPolicy.IGNORE, snapshot("a", "Deck", List.of(at(EventType.SESSION_STARTED, 0)), List.of()));
        List<SessionEvent> events = poll(MissingPolicy.IGNORE,
                snapshot("a", "Deck v2", List.of(at(EventType.SESSION_STARTED, 0)), List.of()));
        assertThat(events).extracting(SessionEvent::type, e -> e.data().title(), SessionEvent::time)
                .containsExactly(tuple(EventType.SESSION_UPDATED, "Deck v2", T0.plusSeconds(999)));
        assertThat(events.get(0).data().status()).isEqualTo(SessionStatus.STARTED);
    }

    @Test
    void updatesWithDifferentContentHaveDifferentIdsAndTheSameContentTheSameId() {
        poll(MissingPolicy.IGNORE, snapshot("a", "v1", List.of(at(EventType.SESSION_STARTED, 0)), List.of()));
        String toV2 = poll(
                        MissingPolicy.IGNORE, snapshot("a", "v2", List.of(at(EventType.SESSION_STARTED, 0)), List.of()))
                .get(0)
                .id();
        String toV3 = poll(
                        MissingPolicy.IGNORE, snapshot("a", "v3", List.of(at(EventType.SESSION_STARTED, 0)), List.of()))
                .get(0)
                .id();
        SessionTracker fresh = new SessionTracker(new InMemoryKnownSessions());
        fresh.commit(fresh.diff(StoryclmModule.SYSTEM, List.of(snapshot("a", "v1",
                List.of(at(EventType.SESSION_STARTED, 0)), List.of())), Set.of(), MissingPolicy.IGNORE, NOW));
        String replayedToV2 = fresh.diff(StoryclmModule.SYSTEM, List.of(snapshot("a", "v2",
                List.of(at(EventType.SESSION_STARTED, 0)), List.of())), Set.of(), MissingPolicy.IGNORE, NOW)
                .events().get(0).id();
        assertThat(toV2).isNotEqualTo(toV3).isEqualTo(replayedToV2);
    }

    @Test
    void dataThatComesBackIsANewUpdateWithAnIdOfItsOwnTheSameOnEveryDerivation() {
        List<SessionSnapshot> abab = new ArrayList<>();
        for (String title : List.of("A", "B", "A", "B")) {
            abab.add(snapshot("a", title, List.of(at(EventType.SESSION_STARTED, 0)), List.of()));
        }
        List<SessionEvent> updates = new ArrayList<>();
        abab.forEach(s -> updates.addAll(poll(MissingPolicy.IGNORE, s)));
        updates.remove(0);

        assertThat(updates).extracting(SessionEvent::type, e -> e.data().title()).containsExactly(
                tuple(EventType.SESSION_UPDATED, "B"), tuple(EventType.SESSION_UPDATED, "A"),
                tuple(EventType.SESSION_UPDATED, "B"));
        assertThat(updates).extracting(SessionEvent::id).doesNotHaveDuplicates();
        // first occurrences keep the id an update to that data always had
        assertThat(updates.get(0).id()).isEqualTo(EventIds.of(StoryclmModule.SYSTEM, "a", EventType.SESSION_UPDATED,
                Fingerprints.of(abab.get(1).data().withStatus(SessionStatus.STARTED))));

        SessionTracker again = new SessionTracker(new InMemoryKnownSessions());
        SnapshotRun run = again.run();
        List<SessionEvent> rederived = new ArrayList<>();
        abab.forEach(s -> rederived.addAll(
                run.diff(StoryclmModule.SYSTEM, List.of(s), Set.of("list"), MissingPolicy.IGNORE, NOW).events()));
        assertThat(rederived.subList(1, 4)).extracting(SessionEvent::id)
                .containsExactlyElementsOf(updates.stream().map(SessionEvent::id).toList());
    }

    @Test
    void pastTheRememberedUpdatesEveryUpdateIdCarriesItsSequence() {
        Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < UpdateHistory.REMEMBERED * 2 + 2; i++) {
            List<SessionEvent> events = poll(
                    MissingPolicy.IGNORE,
                    snapshot(
                            "a",
                            i % 2 == 0 ? "A" : "B" + (i / 4),
                            List.of(at(EventType.SESSION_STARTED, 0)),
                            List.of()));
            events.forEach(e -> assertThat(ids.add(e.id())).as("id of step %d is new", e.id()).isTrue());
        }
        assertThat(tracker.known().get("storyclm:a").updates().plainTo())
                .hasSizeLessThanOrEqualTo(UpdateHistory.REMEMBERED);
        assertThat(tracker.known().get("storyclm:a").updates().count()).isEqualTo(UpdateHistory.REMEMBERED * 2 + 1);
    }

    @Test
    void aClosedSessionIsForgottenAfterTheLongerOfForgetAfterAndItsListingWindowUnlessListed() {
        SessionTracker forgetting = new SessionTracker(new InMemoryKnownSessions(), new Forgetting(
                java.time.Duration.ofHours(1), java.time.Duration.ofHours(3)));
        SessionSnapshot ended = snapshot("a", "Deck", List.of(at(EventType.SESSION_STARTED, 0),
                at(EventType.SESSION_ENDED, 10)), List.of());
        SessionSnapshot open = snapshot("b", "Deck", List.of(at(EventType.SESSION_STARTED, 0)), List.of());
        forgetting.commit(
                forgetting.diff(StoryclmModule.SYSTEM, List.of(ended, open), Set.of(), MissingPolicy.IGNORE, NOW));
        assertThat(forgetting.known().get(ended.key()).closedAt()).isEqualTo(NOW);

        Transitions afterTwoHours = forgetting.diff(StoryclmModule.SYSTEM, List.of(), Set.of(), MissingPolicy.IGNORE,
                NOW.plusSeconds(7200));
        assertThat(afterTwoHours.forgotten().sessions()).as("the listing window is longer than forget-after").isEmpty();
        Transitions listedLate = forgetting.diff(StoryclmModule.SYSTEM, List.of(ended), Set.of(), MissingPolicy.IGNORE,
                NOW.plusSeconds(4 * 3600));
        assertThat(listedLate.forgotten().sessions()).as("listed by this very poll").isEmpty();
        assertThat(listedLate.events()).isEmpty();

        Transitions late = forgetting.diff(StoryclmModule.SYSTEM, List.of(), Set.of(), MissingPolicy.IGNORE,
                NOW.plusSeconds(5 * 3600));
        assertThat(late.forgotten().sessions()).as("never an open one").containsExactly(ended.key());
        assertThat(late.events()).isEmpty();
        forgetting.commit(late);
        assertThat(forgetting.known().get(ended.key())).isNull();
        assertThat(forgetting.known().get(open.key())).isNotNull();
    }

    @Test
    void aListOfEverySessionTheVendorKeepsForgetsOnlyDeletedOnes() {
        SessionTracker forgetting = new SessionTracker(new InMemoryKnownSessions(),
                new Forgetting(java.time.Duration.ofHours(1), java.time.Duration.ZERO));
        SessionSnapshot ended = snapshot("a", "Deck", List.of(at(EventType.SESSION_STARTED, 0),
                at(EventType.SESSION_ENDED, 10)), List.of());
        SessionSnapshot gone = snapshot("b", "Deck", List.of(at(EventType.SESSION_STARTED, 0)), List.of());
        forgetting.commit(forgetting.diff(StoryclmModule.SYSTEM, List.of(ended, gone), Set.of("list"),
                MissingPolicy.DELETED, NOW));
        forgetting.commit(forgetting.diff(StoryclmModule.SYSTEM, List.of(ended), Set.of("list"), MissingPolicy.DELETED,
                NOW.plusSeconds(60)));
        assertThat(forgetting.known().get(gone.key()).isDeleted()).isTrue();

        Transitions later = forgetting.diff(StoryclmModule.SYSTEM, List.of(), List.of(ended.key()), Set.of("list"),
                MissingPolicy.DELETED, NOW.plusSeconds(7200));
        assertThat(later.forgotten().sessions()).containsExactly(gone.key());
    }

    @Test
    void aClosedSessionFromARecordWithoutClosingTimeIsGivenThePollsTimeToBeForgottenLater() {
        InMemoryKnownSessions known = new InMemoryKnownSessions();
        known.apply(java.util.Map.of(
                "storyclm:a",
                new KnownSession(
                        "list",
                        "sessionflow/storyclm",
                        List.of(EventType.SESSION_STARTED, EventType.SESSION_ENDED),
                        "f",
                        Set.of(),
                        Set.of(),
                        SessionData.builder(StoryclmModule.SYSTEM, StoryclmModule.KIND, "a")
                                .status(SessionStatus.ENDED)
                                .build())));
        SessionTracker restored = new SessionTracker(known,
                new Forgetting(java.time.Duration.ofHours(1), java.time.Duration.ZERO));
        Transitions first = restored.diff(StoryclmModule.SYSTEM, List.of(), Set.of(), MissingPolicy.IGNORE, NOW);
        assertThat(first.changes().get("storyclm:a").closedAt()).isEqualTo(NOW);
        assertThat(first.forgotten().sessions()).isEmpty();
        restored.commit(first);
        assertThat(restored.diff(
                                StoryclmModule.SYSTEM, List.of(), Set.of(), MissingPolicy.IGNORE, NOW.plusSeconds(3601))
                        .forgotten()
                        .sessions())
                .containsExactly("storyclm:a");
    }

    @Test
    void theMemoryIsLookedThroughAtMostHourlyNotOnEveryPoll() {
        SessionTracker forgetting = new SessionTracker(new InMemoryKnownSessions(),
                new Forgetting(java.time.Duration.ofHours(1), java.time.Duration.ZERO));
        forgetting.known().deadLettered(List.of("d1"), NOW);
        forgetting.diff(StoryclmModule.SYSTEM, List.of(), Set.of(), MissingPolicy.IGNORE, NOW.plusSeconds(3000));
        assertThat(forgetting.diff(StoryclmModule.SYSTEM, List.of(), Set.of(), MissingPolicy.IGNORE,
                NOW.plusSeconds(3700)).forgotten().deadLetters()).as("due, but swept 700 s ago").isEmpty();
        assertThat(forgetting.diff(StoryclmModule.SYSTEM, List.of(), Set.of(), MissingPolicy.IGNORE,
                NOW.plusSeconds(6600)).forgotten().deadLetters()).containsExactly("d1");
    }

    @Test
    void aDeadLetterIsForgottenAfterForgetAfter() {
        SessionTracker forgetting = new SessionTracker(new InMemoryKnownSessions(),
                new Forgetting(java.time.Duration.ofHours(1), java.time.Duration.ZERO));
        forgetting.known().deadLettered(List.of("d1"), NOW);
        forgetting.known().deadLettered(List.of("d2"), NOW.plusSeconds(1800));
        assertThat(forgetting.diff(StoryclmModule.SYSTEM, List.of(), Set.of(), MissingPolicy.IGNORE, NOW)
                .forgotten().deadLetters()).isEmpty();
        Transitions later = forgetting.diff(StoryclmModule.SYSTEM, List.of(), Set.of(), MissingPolicy.IGNORE,
                NOW.plusSeconds(3601));
        assertThat(later.forgotten().deadLetters()).as("the one published an hour before").containsExactly("d1");
        forgetting.commit(later);
        assertThat(forgetting.known().wasDeadLettered("d1")).isFalse();
        assertThat(forgetting.known().wasDeadLettered("d2")).isTrue();
    }

    @Test
    void aSessionForgottenEarlierInARunIsNewWhenALaterListOfTheRunHasIt() {
        SessionTracker forgetting = new SessionTracker(new InMemoryKnownSessions(),
                new Forgetting(java.time.Duration.ofHours(1), java.time.Duration.ZERO));
        SessionSnapshot a = snapshot("a", "Deck", List.of(at(EventType.SESSION_STARTED, 0)), List.of());
        forgetting.commit(forgetting.diff(StoryclmModule.SYSTEM, List.of(a), Set.of("list"), MissingPolicy.ENDED, NOW));
        forgetting.commit(forgetting.diff(StoryclmModule.SYSTEM, List.of(), Set.of("list"), MissingPolicy.ENDED, NOW));
        SnapshotRun run = forgetting.run();
        Instant later = NOW.plusSeconds(7200);
        Transitions first = run.diff(StoryclmModule.SYSTEM, List.of(), Set.of("list"), MissingPolicy.ENDED, later);
        Transitions second = run.diff(StoryclmModule.SYSTEM, List.of(a), Set.of("list"), MissingPolicy.ENDED, later);
        assertThat(first.forgotten().sessions()).containsExactly(a.key());
        assertThat(second.events()).extracting(SessionEvent::type).containsExactly(EventType.SESSION_STARTED);
        Transitions together = Transitions.inOrder(List.of(first, second));
        assertThat(together.forgotten().sessions()).isEmpty();
        assertThat(together.changes()).containsKey(a.key());
    }

    @Test
    void participantsJoinAndLeaveOnceEach() {
        Person ann = new Person("7", "Ann", null, null, null);
        List<Milestone> live = List.of(at(EventType.SESSION_STARTED, 0));
        ParticipantVisit in = new ParticipantVisit("7@1", ann, T0.plusSeconds(5), null);
        ParticipantVisit out = new ParticipantVisit("7@1", ann, T0.plusSeconds(5), T0.plusSeconds(50));
        List<EventType> types = new ArrayList<>();
        poll(MissingPolicy.IGNORE, snapshot("a", "Deck", live, List.of(in))).forEach(e -> types.add(e.type()));
        poll(MissingPolicy.IGNORE, snapshot("a", "Deck", live, List.of(in))).forEach(e -> types.add(e.type()));
        List<SessionEvent> left = poll(MissingPolicy.IGNORE, snapshot("a", "Deck", live, List.of(out)));
        left.forEach(e -> types.add(e.type()));
        assertThat(types).containsExactly(EventType.SESSION_STARTED, EventType.PARTICIPANT_JOINED,
                EventType.PARTICIPANT_LEFT);
        assertThat(left.get(0).data().participant()).isEqualTo(ann);
        assertThat(left.get(0).time()).isEqualTo(T0.plusSeconds(50));
    }

    @Test
    void absenceFromACompleteListDeletesUnderTheDeletedPolicyOnlyOnce() {
        poll(MissingPolicy.DELETED, snapshot("a", "Deck", List.of(at(EventType.SESSION_STARTED, 0)), List.of()),
                snapshot("b", "Other", List.of(at(EventType.SESSION_STARTED, 0)), List.of()));
        List<SessionEvent> gone = poll(MissingPolicy.DELETED,
                snapshot("b", "Other", List.of(at(EventType.SESSION_STARTED, 0)), List.of()));
        assertThat(gone)
                .extracting(
                        SessionEvent::type, SessionEvent::subject, e -> e.data().title(), SessionEvent::time)
                .containsExactly(tuple(EventType.SESSION_DELETED, "a", "Deck", NOW));
        assertThat(poll(MissingPolicy.DELETED,
                snapshot("b", "Other", List.of(at(EventType.SESSION_STARTED, 0)), List.of()))).isEmpty();
    }

    @Test
    void absenceEndsUnderTheEndedPolicyAndMeansNothingUnderIgnore() {
        SessionSnapshot a = snapshot("a", "Deck", List.of(at(EventType.SESSION_STARTED, 0)), List.of());
        SessionSnapshot b = snapshot("b", "Other", List.of(at(EventType.SESSION_STARTED, 0)), List.of());
        poll(MissingPolicy.IGNORE, a, b);
        assertThat(poll(MissingPolicy.IGNORE, b)).isEmpty();
        assertThat(poll(MissingPolicy.ENDED, b)).extracting(SessionEvent::type, SessionEvent::subject)
                .containsExactly(tuple(EventType.SESSION_ENDED, "a"));
    }

    @Test
    void aDeletedSessionStaysDeleted() {
        poll(MissingPolicy.IGNORE, snapshot("a", "Deck", List.of(at(EventType.SESSION_STARTED, 0),
                Milestone.reported(EventType.SESSION_DELETED, T0.plusSeconds(30))), List.of()));
        assertThat(poll(MissingPolicy.IGNORE, snapshot("a", "Deck again",
                List.of(at(EventType.SESSION_STARTED, 0)), List.of()))).isEmpty();
    }

    @Test
    void nothingIsRememberedUntilCommitted() {
        SessionSnapshot s = snapshot("a", "Deck", List.of(at(EventType.SESSION_STARTED, 0)), List.of());
        Transitions unpublished = tracker.diff(StoryclmModule.SYSTEM, List.of(s), Set.of(), MissingPolicy.IGNORE, NOW);
        Transitions retried = tracker.diff(StoryclmModule.SYSTEM, List.of(s), Set.of(), MissingPolicy.IGNORE, NOW);
        assertThat(retried.events()).extracting(SessionEvent::id)
                .containsExactlyElementsOf(unpublished.events().stream().map(SessionEvent::id).toList());
    }

    @Test
    void aRunDiffsEachSnapshotAgainstTheStateTheEarlierOnesLeftWithTheIdsOfOneAtATime() {
        List<SessionSnapshot> versions = new ArrayList<>();
        for (int v = 1; v <= 5; v++) {
            versions.add(snapshot("a", "Deck v" + v, List.of(at(EventType.SESSION_STARTED, 0)), List.of()));
        }
        SessionTracker alone = new SessionTracker(new InMemoryKnownSessions());
        List<SessionEvent> oneAtATime = new ArrayList<>();
        for (SessionSnapshot s : versions) {
            Transitions t = alone.diff(StoryclmModule.SYSTEM, List.of(s), Set.of("list"), MissingPolicy.ENDED, NOW);
            alone.commit(t);
            oneAtATime.addAll(t.events());
        }

        SnapshotRun run = tracker.run();
        List<Transitions> each = new ArrayList<>();
        for (SessionSnapshot s : versions) {
            each.add(run.diff(StoryclmModule.SYSTEM, List.of(s), Set.of("list"), MissingPolicy.ENDED, NOW));
        }
        Transitions together = Transitions.inOrder(each);

        assertThat(together.events()).extracting(SessionEvent::type).containsExactly(EventType.SESSION_STARTED,
                EventType.SESSION_UPDATED, EventType.SESSION_UPDATED, EventType.SESSION_UPDATED,
                EventType.SESSION_UPDATED);
        assertThat(together.events()).extracting(e -> e.data().title())
                .containsExactly("Deck v1", "Deck v2", "Deck v3", "Deck v4", "Deck v5");
        assertThat(together.events()).extracting(SessionEvent::id)
                .containsExactlyElementsOf(oneAtATime.stream().map(SessionEvent::id).toList());
        assertThat(tracker.known().get(versions.get(0).key())).as("nothing remembered before the commit").isNull();
        tracker.commit(together);
        assertThat(tracker.known().get(versions.get(0).key())).isEqualTo(alone.known().get(versions.get(0).key()));
        assertThat(poll(MissingPolicy.ENDED, versions.get(4))).as("the last version is what is remembered").isEmpty();
    }

    @Test
    void aSessionThatStartedEarlierInARunEndsWhenALaterListLacksIt() {
        SessionSnapshot a = snapshot("a", "Deck", List.of(at(EventType.SESSION_STARTED, 0)), List.of());
        SessionSnapshot b = snapshot("b", "Other", List.of(at(EventType.SESSION_STARTED, 0)), List.of());
        poll(MissingPolicy.ENDED, b);
        SnapshotRun run = tracker.run();

        Transitions first = run.diff(StoryclmModule.SYSTEM, List.of(a, b), Set.of("list"), MissingPolicy.ENDED, NOW);
        Transitions second = run.diff(StoryclmModule.SYSTEM, List.of(), Set.of("list"), MissingPolicy.ENDED, NOW);
        Transitions third = run.diff(StoryclmModule.SYSTEM, List.of(), Set.of("list"), MissingPolicy.ENDED, NOW);

        assertThat(first.events()).extracting(SessionEvent::type, SessionEvent::subject)
                .containsExactly(tuple(EventType.SESSION_STARTED, "a"));
        assertThat(second.events()).extracting(SessionEvent::type, SessionEvent::subject)
                .containsExactlyInAnyOrder(tuple(EventType.SESSION_ENDED, "a"), tuple(EventType.SESSION_ENDED, "b"));
        assertThat(third.events()).as("ended once, not again by the next list of the run").isEmpty();
    }

    @Test
    void aRunThatIsNotCommittedLeavesTheMemoryAsItWas() {
        poll(MissingPolicy.ENDED, snapshot("a", "Deck", List.of(at(EventType.SESSION_STARTED, 0)), List.of()));
        SessionSnapshot renamed = snapshot("a", "Deck v2", List.of(at(EventType.SESSION_STARTED, 0)), List.of());
        SnapshotRun failed = tracker.run();
        Transitions lost = Transitions.inOrder(List.of(
                failed.diff(StoryclmModule.SYSTEM, List.of(renamed), Set.of("list"), MissingPolicy.ENDED, NOW),
                failed.diff(StoryclmModule.SYSTEM, List.of(), Set.of("list"), MissingPolicy.ENDED, NOW)));

        SnapshotRun retried = tracker.run();
        Transitions again = Transitions.inOrder(List.of(
                retried.diff(StoryclmModule.SYSTEM, List.of(renamed), Set.of("list"), MissingPolicy.ENDED, NOW),
                retried.diff(StoryclmModule.SYSTEM, List.of(), Set.of("list"), MissingPolicy.ENDED, NOW)));

        assertThat(lost.events()).extracting(SessionEvent::type)
                .containsExactly(EventType.SESSION_UPDATED, EventType.SESSION_ENDED);
        assertThat(again.events()).extracting(SessionEvent::id)
                .containsExactlyElementsOf(lost.events().stream().map(SessionEvent::id).toList());
        assertThat(tracker.known().get(renamed.key()).data().title()).isEqualTo("Deck");
    }
}
