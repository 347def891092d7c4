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
        HttpReply reply = http.send(call);
        raw.add(new RawPayload(system, endpoint, now, "application/json", reply.body()));
        return new Reply(endpoint, reply.text(), reply.body());
    }

    /** Records a response that could not be read at all, so it is not silently lost. */
    public void unreadable(String endpoint, String reason, String text) {
        unreadable.add(new DeadLetter(system, endpoint, now, reason, text));
    }

    /**
     * Records a part of the poll that failed while the rest is read: the vendor answered 5xx about one session.
     * Its session keeps its state and is asked about again next poll.
     */
    public void failed(VendorCallException e) {
        failedParts.add(LogSafe.of(e.getMessage()));
    }

    /**
     * Whether a failed call concerns its part of the poll alone: the vendor answered it with a server error. A
     * transport failure, an open circuit breaker, throttling or a refused token fail the whole poll.
     */
    public static boolean failsOnlyItsPart(VendorCallException e) {
        return e.status() >= 500;
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
