package io.sessionflow.source.webinar;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.source.DeadLetter;
import io.sessionflow.source.FetchResult;
import io.sessionflow.source.FetchRound;
import io.sessionflow.source.Json;
import io.sessionflow.source.RawPayload;
import io.sessionflow.source.SnapshotFetcher;
import io.sessionflow.source.SourceRecord;
import io.sessionflow.source.UnmappableRecordException;
import io.sessionflow.source.http.HttpCall;
import io.sessionflow.source.http.HttpReply;
import io.sessionflow.source.http.LogSafe;
import io.sessionflow.source.http.VendorCallException;
import io.sessionflow.source.http.VendorHttp;
import io.sessionflow.track.KnownSession;
import io.sessionflow.track.KnownSessions;
import io.sessionflow.track.RecordDigest;
import io.sessionflow.track.RecordInputs;
import io.sessionflow.track.SessionKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One webinar.ru poll: every page of the schedule window, then each session found there or still open, and for
 * live or finished sessions their participations and visitor connections. A listed session's schedule entry carries
 * what its transitions change (status, name, start), so a session whose entry, participations and visitors are
 * exactly those its committed state was made from is not read again: it gets a record that the poller recognises
 * as unchanged without mapping it (see {@link ScheduleEntryInput}). A session whose reading the vendor answers with
 * a server error is left out of this poll (its state does not move; it is read again next poll), and the rest is
 * published. A 404 for a known session is handed on as such: the tracker believes it (deleted) when the next poll
 * answers 404 too.
 */
public final class WebinarFetcher implements SnapshotFetcher<WebinarPayload> {
    private static final int MAX_PAGES = 10_000;
    private final WebinarConfig config;
    private final WebinarRequests requests;
    private final VendorHttp http;
    private final SourceAccount account;
    private final RecordInputs committed;

    /** @param committed which record input made each session's committed state: the tracker's, for this system */
    public WebinarFetcher(SourceAccount account, WebinarConfig config, VendorHttp http, RecordInputs committed) {
        this.account = account;
        this.config = config;
        this.requests = new WebinarRequests(config);
        this.http = http;
        this.committed = committed;
    }

    @Override
    public FetchResult<WebinarPayload> fetch(Instant now, KnownSessions known) {
        Round round = new Round(now);
        Map<String, JsonNode> entries =
                scheduledSessions(round, WebinarCursor.at(now, known.lastPoll(WebinarModule.SYSTEM), config));
        Set<String> scheduled = entries.keySet();
        Set<String> ids = new LinkedHashSet<>(scheduled);
        known.of(WebinarModule.SYSTEM).filter(KnownSession::isOpen).forEach(k -> ids.add(k.data().sessionId()));
        List<SessionRead> read = new ArrayList<>();
        for (String id : ids) {
            KnownSession before = known.get(SessionKeys.of(account, id));
            // a closed session is not read again, unless its deletion was concluded (404) and the schedule lists it
            if (before != null && !before.isOpen() && !(before.wasClosedByInference() && scheduled.contains(id))) {
                continue;
            }
            JsonNode entry = entries.get(id);
            try {
                // an id that is no safe path segment is never requested: the details path dead-letters it
                if (entry != null && HttpCall.isSafeSegment(id) && ScheduleEntryInput.isLive(entry)) {
                    StringBuilder input = new StringBuilder(ScheduleEntryInput.of(entry));
                    read.add(SessionRead.listedLive(id, entry, participations(round, id, input), input));
                } else if (entry != null && isCommitted(id, ScheduleEntryInput.of(entry))) {
                    read.add(SessionRead.unchanged(id, ScheduleEntryInput.of(entry)));
                } else {
                    sessionRecord(round, id, before, entry).ifPresent(read::add);
                }
            } catch (VendorCallException e) {
                round.failedPart(e);
            }
        }
        // visitor stats only after every event session of the poll was read: stats read earlier (for a sibling
        // session of the same event) could lack the leave times of a session read as finished, and a finished
        // session is not read again, so its participants would never leave
        List<SourceRecord<WebinarPayload>> records = new ArrayList<>(read.size());
        for (SessionRead r : read) {
            try {
                r.withVisitors(this, round).ifPresent(records::add);
            } catch (VendorCallException e) {
                round.failedPart(e);
            }
        }
        return new FetchResult<>(round.raw, records, Set.of(), round.unreadable, round.failedParts);
    }

    /** Whether this input made the session's committed state: the poller will not map its record again. */
    private boolean isCommitted(String id, String input) {
        return SessionKeys.of(account, id).equals(committed.sessionOf(RecordDigest.of(null, input)));
    }

    /** Every event session of the schedule window with its entry, by id. */
    private Map<String, JsonNode> scheduledSessions(Round round, WebinarCursor cursor) {
        Map<String, JsonNode> ids = new LinkedHashMap<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            HttpCall call = requests.schedulePage(cursor, page);
            JsonNode events = round.getJson(call);
            List<JsonNode> list = Json.elements(events);
            for (JsonNode event : list) {
                for (JsonNode session : Json.elements(event.get("eventSessions"))) {
                    // entries with only a date are planned repetitions that do not exist yet
                    String id = Json.text(session, "id");
                    if (id != null) {
                        ids.put(id, session);
                    }
                }
            }
            if (list.size() < config.pageSize()) {
                break;
            }
        }
        return ids;
    }

    /** @param entry the session's schedule entry, null when the schedule did not list it */
    private java.util.Optional<SessionRead> sessionRecord(Round round, String id, KnownSession before,
                                                          JsonNode entry) {
        if (!HttpCall.isSafeSegment(id)) {
            // a vendor id becomes a URL path segment: one that could reach another path or host is never sent
            round.unreadable.add(new DeadLetter(
                    WebinarModule.SYSTEM,
                    "GET /eventsessions/{id}",
                    round.now,
                    "webinar.ru event session id '" + LogSafe.of(id)
                            + "' is not a safe URL path segment; not requested",
                    id));
            return java.util.Optional.empty();
        }
        HttpCall call = requests.eventSession(id);
        JsonNode session;
        try {
            session = round.getJson(call);
        } catch (VendorCallException e) {
            if (e.status() == 404 && before != null && before.isOpen()) {
                return java.util.Optional.of(new SessionRead(new SourceRecord<>(null, call.describe(),
                        new WebinarPayload(id, null, List.of(), List.of(), before.data()), "{\"status\":404}"),
                        null, null, null, null));
            }
            if (e.status() == 404 && before != null) {
                return java.util.Optional.empty(); // deleted, and listed by a schedule that has not caught up yet
            }
            throw e;
        } catch (UnmappableRecordException e) {
            round.unreadable.add(new DeadLetter(WebinarModule.SYSTEM, call.describe(), round.now, e.getMessage(),
                    round.lastText));
            return java.util.Optional.empty();
        }
        String status = Json.text(session, "status");
        String text = round.lastText;
        // every body the payload is read from, so an identical record is recognised in the next poll: a listed
        // session's entry stands for its details (an unchanged entry is not read again)
        StringBuilder input = new StringBuilder(entry == null ? text : ScheduleEntryInput.of(entry));
        boolean live = "START".equals(status) || "STOP".equals(status);
        List<JsonNode> participations = live ? participations(round, id, input) : List.of();
        SourceRecord<WebinarPayload> record = new SourceRecord<>(null, call.describe(),
                new WebinarPayload(id, session, participations, List.of(), null), text, input.toString());
        return java.util.Optional.of(new SessionRead(record, live ? session : null, participations, input, null));
    }

    /**
     * A live session listed with an entry its committed state was not made from needs its details, read after its
     * visitors: empty when they show it moved on since the schedule was read (the next poll reads it in order).
     */
    private java.util.Optional<SourceRecord<WebinarPayload>> details(Round round, String id, String entryStatus,
                                                                     List<JsonNode> participations, String input,
                                                                     List<WebinarPayload.Visitor> visitors) {
        HttpCall call = requests.eventSession(id);
        JsonNode session;
        try {
            session = round.getJson(call);
        } catch (VendorCallException e) {
            if (e.status() == 404) {
                // deleted since the schedule was read: unlisted next poll, and this poll is not complete
                round.leftOut("webinar.ru session " + LogSafe.of(id) + " was deleted while this poll read it");
                return java.util.Optional.empty();
            }
            throw e;
        } catch (UnmappableRecordException e) {
            round.unreadable.add(new DeadLetter(WebinarModule.SYSTEM, call.describe(), round.now, e.getMessage(),
                    round.lastText));
            return java.util.Optional.empty();
        }
        if (!entryStatus.equals(Json.text(session, "status"))) {
            round.leftOut("webinar.ru session " + LogSafe.of(id) + " moved on while this poll read it");
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new SourceRecord<>(null, call.describe(),
                new WebinarPayload(id, session, participations, visitors, null), round.lastText, input));
    }

    /**
     * An event session as read in the first pass; a live or finished one still needs its event's visitor stats.
     *
     * @param liveSession the event session when its visitors are still to be read, else null
     * @param liveEntry   the schedule entry of a live session whose details are not read yet, else null
     */
    private record SessionRead(SourceRecord<WebinarPayload> record, JsonNode liveSession,
                               List<JsonNode> participations, StringBuilder input, JsonNode liveEntry) {

        /** A listed session whose entry is the one its committed state was made from: nothing to read or map. */
        static SessionRead unchanged(String id, String input) {
            return new SessionRead(new SourceRecord<>(null, "GET /eventsessions/" + id, null, null, input), null,
                    null, null, null);
        }

        static SessionRead listedLive(String id, JsonNode entry, List<JsonNode> participations, StringBuilder input) {
            return new SessionRead(new SourceRecord<>(null, "GET /eventsessions/" + id, null, null, null), entry,
                    participations, input, entry);
        }

        java.util.Optional<SourceRecord<WebinarPayload>> withVisitors(WebinarFetcher fetcher, Round round) {
            if (liveSession == null) {
                return java.util.Optional.of(record);
            }
            StatsUsers stats = fetcher.statsUsers(round, Json.text(liveSession, "eventId"), liveSession);
            String id = liveEntry == null ? record.payload().sessionId() : Json.text(liveEntry, "id");
            input.append('\n').append(stats.text());
            List<WebinarPayload.Visitor> visitors = WebinarPayload.visitorsOf(id, stats.users());
            if (liveEntry != null) {
                String whole = input.toString();
                return fetcher.isCommitted(id, whole) ? java.util.Optional.of(unchanged(id, whole).record())
                        : fetcher.details(round, id, Json.text(liveEntry, "status"), participations, whole, visitors);
            }
            return java.util.Optional.of(new SourceRecord<>(null, record.endpoint(), new WebinarPayload(id,
                    liveSession, participations, visitors, null), record.raw(), input.toString()));
        }
    }

    private List<JsonNode> participations(Round round, String id, StringBuilder input) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            List<JsonNode> list = Json.elements(round.getJson(requests.participations(id, page)));
            input.append('\n').append(round.lastText);
            all.addAll(list);
            if (list.size() < 250) {
                break;
            }
        }
        return all;
    }

    /** The event's visitors from {@code /stats/users}, fetched once per event and poll. */
    private StatsUsers statsUsers(Round round, String eventId, JsonNode session) {
        if (eventId == null) {
            return StatsUsers.NONE;
        }
        Instant startsAt = WebinarTimes.parse(Json.text(session, "startsAt"), WebinarZones.ofSession(session));
        Instant from = (startsAt == null ? round.now : startsAt).minus(Duration.ofDays(1));
        return round.statsUsers.computeIfAbsent(eventId, e -> {
            try {
                List<JsonNode> users = Json.elements(round.getJson(
                        requests.statsUsers(e, from, round.now.plus(Duration.ofDays(1)))));
                return new StatsUsers(users, round.lastText);
            } catch (VendorCallException notFound) {
                if (notFound.status() == 404) {
                    return StatsUsers.NONE; // the API answers 404 when nobody has visited yet
                }
                throw notFound;
            }
        });
    }

    /** One {@code /stats/users} answer: its users and its text (part of each of the event's sessions' input). */
    private record StatsUsers(List<JsonNode> users, String text) {
        static final StatsUsers NONE = new StatsUsers(List.of(), "");
    }

    /** The state of one poll: raw bodies in fetch order and stats shared by sessions of one event. */
    private final class Round {
        final Instant now;
        final List<RawPayload> raw = new ArrayList<>();
        final List<DeadLetter> unreadable = new ArrayList<>();
        final Map<String, StatsUsers> statsUsers = new HashMap<>();
        final List<String> failedParts = new ArrayList<>();
        String lastText;

        Round(Instant now) {
            this.now = now;
        }

        /** One session's reading failed: left out if the vendor answered it with a server error, else the poll fails */
        void failedPart(VendorCallException e) {
            failedParts.add(FetchRound.partFailure(e));
        }

        /** A session read out of order is left to the next poll, which reads it in order: this one is not complete. */
        void leftOut(String why) {
            failedParts.add(why + "; read again next poll");
        }

        JsonNode getJson(HttpCall call) {
            HttpReply reply;
            try {
                reply = http.send(call);
            } catch (VendorCallException e) {
                FetchRound.archiveFailure(raw, WebinarModule.SYSTEM, http.endpointOf(call), now, e);
                throw e;
            }
            raw.add(new RawPayload(WebinarModule.SYSTEM, http.endpointOf(call), now, "application/json", reply.body()));
            lastText = reply.text();
            return Json.parse(reply.body(), "webinar.ru " + call.describe());
        }
    }
}
