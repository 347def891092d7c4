package io.sessionflow.source.seeit;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionflow.event.SystemId;
import io.sessionflow.source.FetchResult;
import io.sessionflow.source.FetchRound;
import io.sessionflow.source.Json;
import io.sessionflow.source.SnapshotFetcher;
import io.sessionflow.source.SourceRecord;
import io.sessionflow.source.UnmappableRecordException;
import io.sessionflow.source.http.HttpCall;
import io.sessionflow.source.http.VendorCallException;
import io.sessionflow.source.http.VendorHttp;
import io.sessionflow.track.KnownSession;
import io.sessionflow.track.KnownSessions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One Seeit poll: every page of sessions created within the look-back window, then each session the tracker
 * knows as still open that the window no longer covers, by {@code GET /sessions/{uuid}}. A refresh the vendor answers
 * with a server error is left out of this poll (the session's state does not move; it is asked again next poll) and
 * the rest is published. A 404 is handed on as such: Seeit keeps a session's details 90 days, so a session it no
 * longer finds ended long ago; the tracker believes it (ended, inferred) when the next poll answers 404 too.
 */
public final class SeeitFetcher implements SnapshotFetcher<SeeitPayload> {
    private static final int MAX_PAGES = 10_000;
    private final SeeitConfig config;
    private final SeeitRequests requests;
    private final VendorHttp http;

    public SeeitFetcher(SeeitConfig config, VendorHttp http) {
        this.config = config;
        this.requests = new SeeitRequests(config);
        this.http = http;
    }

    @Override
    public FetchResult<SeeitPayload> fetch(Instant now, KnownSessions known) {
        FetchRound round = new FetchRound(SeeitModule.SYSTEM, http, now);
        Map<String, SourceRecord<SeeitPayload>> byUuid = new LinkedHashMap<>();
        List<SourceRecord<SeeitPayload>> withoutUuid = new ArrayList<>();
        readWindow(round, SeeitCursor.at(now, known.lastPoll(SeeitModule.SYSTEM), config), byUuid, withoutUuid);
        known.of(SeeitModule.SYSTEM).filter(KnownSession::isOpen)
                .filter(k -> !byUuid.containsKey(k.data().sessionId()))
                .toList()
                .forEach(k -> refresh(round, k, byUuid));
        List<SourceRecord<SeeitPayload>> records = new ArrayList<>(byUuid.values());
        records.addAll(withoutUuid);
        // the list is a window: absence from it says nothing, so no scope is ever complete
        return round.result(records, Set.of());
    }

    private void readWindow(FetchRound round, SeeitCursor cursor, Map<String, SourceRecord<SeeitPayload>> byUuid,
                            List<SourceRecord<SeeitPayload>> withoutUuid) {
        for (int page = 0; page < MAX_PAGES; page++) {
            HttpCall call = requests.sessionsPage(cursor, page);
            FetchRound.Reply reply = round.send(call);
            SeeitPage content = SeeitPage.of(reply.json("Seeit " + call.describe()));
            for (JsonNode details : content.content()) {
                // each record keeps its own text, so one bad record is dead-lettered alone
                SourceRecord<SeeitPayload> record = SourceRecord.ofText(null, call.describe(),
                        new SeeitPayload(details), details.toString());
                String uuid = Json.text(details, "uuid");
                if (uuid == null) {
                    withoutUuid.add(record);
                } else {
                    byUuid.put(uuid, record);
                }
            }
            if (!content.hasNext()) {
                return;
            }
        }
    }

    private void refresh(FetchRound round, KnownSession open, Map<String, SourceRecord<SeeitPayload>> byUuid) {
        String uuid = open.data().sessionId();
        HttpCall call = requests.session(uuid);
        FetchRound.Reply reply;
        try {
            reply = round.send(call);
        } catch (VendorCallException e) {
            if (e.status() == 404) {
                byUuid.put(uuid, new SourceRecord<>(null, call.describe(), new SeeitPayload(null, open.data()),
                        "{\"status\":404}"));
            } else {
                round.failedPart(e);
            }
            return;
        }
        try {
            byUuid.put(uuid, SourceRecord.ofText(null, call.describe(),
                    new SeeitPayload(reply.json("Seeit " + call.describe())), reply.text()));
        } catch (UnmappableRecordException e) {
            round.unreadable(call.describe(), e.getMessage(), reply.text());
        }
    }
}
