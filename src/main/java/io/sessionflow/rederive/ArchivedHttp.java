package io.sessionflow.rederive;

import io.sessionflow.source.http.HttpCall;
import io.sessionflow.source.http.HttpReply;
import io.sessionflow.source.http.VendorCallException;
import io.sessionflow.source.http.VendorHttp;
import java.util.Map;
import java.util.function.Function;

/**
 * Answers a fetcher's calls from one archived poll instead of the vendor. The raw topic holds the answers that were
 * read, and the server errors of parts of a poll that went on without them (answered with their status here, as
 * live); a call that is not in the archive is answered 404: that is what the live poll got for a deleted session or
 * an event without visitors, and the fetcher handles it the same way here.
 */
final class ArchivedHttp implements VendorHttp {
    private final RawPoll poll;
    private final Function<HttpCall, String> endpointOf;
    private int missed;

    /** @param endpointOf how the source names a call in the raw topic's endpoint header */
    ArchivedHttp(RawPoll poll, Function<HttpCall, String> endpointOf) {
        this.poll = poll;
        this.endpointOf = endpointOf;
    }

    @Override
    public String endpointOf(HttpCall call) {
        return endpointOf.apply(call);
    }

    @Override
    public HttpReply send(HttpCall call) {
        String endpoint = endpointOf(call);
        byte[] body = poll.bodies().get(endpoint);
        if (body == null) {
            missed++;
            throw new VendorCallException(poll.account() + " " + endpoint + " is not in the archived poll of "
                    + poll.fetchedAt(), 404, null, null);
        }
        Integer error = poll.errors().get(endpoint);
        if (error != null) {
            throw new VendorCallException(poll.account() + " " + endpoint + " answered HTTP " + error
                    + " in the archived poll of " + poll.fetchedAt(), error, null, null, body);
        }
        return new HttpReply(200, Map.of("Content-Type", "application/json"), body);
    }

    /** Calls answered 404 because they were not archived. */
    int missed() {
        return missed;
    }
}
