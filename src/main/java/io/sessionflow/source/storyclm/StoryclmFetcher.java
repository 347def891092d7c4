package io.sessionflow.source.storyclm;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionflow.event.SystemId;
import io.sessionflow.source.FetchResult;
import io.sessionflow.source.FetchRound;
import io.sessionflow.source.Json;
import io.sessionflow.source.SnapshotFetcher;
import io.sessionflow.source.SourceRecord;
import io.sessionflow.source.UnmappableRecordException;
import io.sessionflow.source.http.HttpCall;
import io.sessionflow.source.http.VendorHttp;
import io.sessionflow.track.KnownSessions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One StoryCLM poll: getsessions, the user's complete list, then getsessionbyid for each known session the
 * list no longer has (see {@link StoryclmCursor}). The list is a complete scope, so what stays missing is
 * published as deleted.
 */
public final class StoryclmFetcher implements SnapshotFetcher<StoryclmPayload> {
    /** The tracker scope of every StoryCLM session: getsessions lists them all. */
    public static final String SCOPE = StoryclmRequests.GET_SESSIONS;
    private static final Logger LOG = LoggerFactory.getLogger(StoryclmFetcher.class);
    private final StoryclmRequests requests;
    private final VendorHttp http;

    public StoryclmFetcher(StoryclmConfig config, VendorHttp http) {
        this.requests = new StoryclmRequests(config);
        this.http = http;
    }

    @Override
    public FetchResult<StoryclmPayload> fetch(Instant now, KnownSessions known) {
        FetchRound round = new FetchRound(StoryclmModule.SYSTEM, http, now);
        HttpCall getSessions = requests.getSessions();
        String endpoint = endpointOf(getSessions);
        JsonNode data = command(round, getSessions, StoryclmRequests.GET_SESSIONS).data();
        if (data != null && !data.isNull() && !data.isArray()) {
            throw new UnmappableRecordException("StoryCLM getsessions Data is not a list of sessions");
        }
        List<SourceRecord<StoryclmPayload>> records = new ArrayList<>();
        Set<String> listed = new LinkedHashSet<>();
        for (JsonNode session : Json.elements(data)) {
            records.add(SourceRecord.ofText(SCOPE, endpoint, new StoryclmPayload(session), session.toString()));
            String id = Json.text(session, "id");
            if (id != null) {
                listed.add(id);
            }
        }
        for (String id : StoryclmCursor.after(listed, known).toConfirm()) {
            confirm(round, id).ifPresent(records::add);
        }
        return round.result(records, Set.of(SCOPE));
    }

    /**
     * The session if getsessionbyid still has it; empty when StoryCLM answers without data or with a
     * client-error code about the id (see {@link #saysNotFound}). Any other error fails the poll: an outage
     * or an expired token must not read as deletes.
     */
    private java.util.Optional<SourceRecord<StoryclmPayload>> confirm(FetchRound round, String id) {
        HttpCall getSessionById = requests.getSessionById(id);
        String endpoint = endpointOf(getSessionById);
        StoryclmEnvelope envelope;
        try {
            envelope = command(round, getSessionById, StoryclmRequests.GET_SESSION_BY_ID);
        } catch (StoryclmCommandException e) {
            if (!saysNotFound(e.errorCode())) {
                throw e;
            }
            LOG.debug("StoryCLM session {} is gone: {}", id, e.getMessage());
            return java.util.Optional.empty();
        }
        JsonNode session = envelope.data();
        if (session == null || !session.isObject() || !id.equals(Json.text(session, "id"))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(
                SourceRecord.ofText(SCOPE, endpoint, new StoryclmPayload(session), session.toString()));
    }

    /**
     * The document names no not-found code; its codes follow HTTP (200 is success), so a 4xx is read as "no
     * such session", except those about the caller: 401, 403 and 429.
     */
    static boolean saysNotFound(long errorCode) {
        return errorCode >= 400 && errorCode < 500 && errorCode != 401 && errorCode != 403 && errorCode != 429;
    }

    /** Transport failures and unreadable answers fail the poll: better no events than a false delete. */
    private static StoryclmEnvelope command(FetchRound round, HttpCall call, String command) {
        FetchRound.Reply reply = round.send(call, endpointOf(call));
        return StoryclmEnvelope.of(reply.json("StoryCLM " + command), command);
    }

    /**
     * The name of a command in logs, dead letters and the raw topic's endpoint header: every command is POSTed to
     * the same URL, so the name is the command and its id ({@code POST getsessionbyid 42}), read from the request
     * body. Re-derivation answers archived calls by this name.
     */
    public static String endpointOf(HttpCall call) {
        return "POST " + StoryclmRequests.describe(call);
    }
}
