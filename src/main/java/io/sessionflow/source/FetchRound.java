package io.sessionflow.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionflow.event.SystemId;
import io.sessionflow.source.http.HttpCall;
import io.sessionflow.source.http.HttpReply;
import io.sessionflow.source.http.LogSafe;
import io.sessionflow.source.http.VendorCallException;
import io.sessionflow.source.http.VendorHttp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The bookkeeping of one poll of an HTTP/JSON vendor: every body fetched, in order, for the raw topic, and
 * the responses that were unreadable, for the dead-letter topic. Fetchers build one per poll and hand both
 * lists to their {@link FetchResult}.
 */
public final class FetchRound {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FetchRound.class);
    private final SystemId system;
    private final VendorHttp http;
    private final Instant now;
    private final List<RawPayload> raw = new ArrayList<>();
    private final List<DeadLetter> unreadable = new ArrayList<>();
    private final List<String> failedParts = new ArrayList<>();

    public FetchRound(SystemId system, VendorHttp http, Instant now) {
        this.system = system;
        this.http = http;
        this.now = now;
    }

    /** Sends the call and archives the body under the vendor's name for the endpoint, readable or not. */
    public Reply send(HttpCall call) {
        return send(call, http.endpointOf(call));
    }

    /** As {@link #send(HttpCall)}, named by the caller: one URL may carry several commands (StoryCLM). */
    public Reply send(HttpCall call, String endpoint) {
        HttpReply reply;
        try {
            reply = http.send(call);
        } catch (VendorCallException e) {
            archiveFailure(raw, system, endpoint, now, e);
            throw e;
        }
        raw.add(new RawPayload(system, endpoint, now, "application/json", reply.body()));
        return new Reply(endpoint, reply.text(), reply.body());
    }

    /**
     * Archives a server error with the rest of the poll: if the poll goes on without that part (see
     * {@link #failedPart}), a re-derivation from the raw topic meets the same failure instead of a missing answer,
     * which it would take for a 404. A poll that fails as a whole publishes nothing, so nothing of it is archived.
     */
    public static void archiveFailure(List<RawPayload> raw, SystemId system, String endpoint, Instant now,
                                      VendorCallException e) {
        if (e.status() >= 500) {
            raw.add(new RawPayload(system, endpoint, now, "application/json", e.body(), e.status()));
        }
    }

    /** Records a response that could not be read at all, so it is not silently lost. */
    public void unreadable(String endpoint, String reason, String text) {
        unreadable.add(new DeadLetter(system, endpoint, now, reason, text));
    }

    /**
     * A call about one part of the poll (one session) failed: when the vendor answered it with a server error, the part
     * is left out and the rest is published (the part's session keeps its state and is asked about again next poll);
     * any other failure (transport, an open circuit breaker, throttling, a refused token) fails the whole poll.
     *
     * @throws VendorCallException {@code e}, when it fails the whole poll
     */
    public void failedPart(VendorCallException e) {
        failedParts.add(partFailure(e));
    }

    /** As {@link #failedPart}, for fetchers with a round of their own: the line to report, once logged. */
    public static String partFailure(VendorCallException e) {
        if (e.status() < 500) {
            throw e;
        }
        String line = LogSafe.of(e.getMessage());
        LOG.warn("{}; the rest of the poll is published, this part is asked for again next poll", line);
        return line;
    }

    public <R> FetchResult<R> result(List<SourceRecord<R>> records, Set<String> completeScopes) {
        return new FetchResult<>(raw, records, completeScopes, unreadable, failedParts);
    }

    /** A fetched body: its text for dead letters, parsed on demand. */
    public record Reply(String endpoint, String text, byte[] body) {
        /** @throws UnmappableRecordException when the body is not JSON */
        public JsonNode json(String what) {
            return Json.parse(body, what);
        }
    }
}
