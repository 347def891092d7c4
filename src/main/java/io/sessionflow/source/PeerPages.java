package io.sessionflow.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * How the route a Camel user would write instead of Sessionflow (bench row 9) reads a module's {@link BenchListing}:
 * the same pages Sessionflow asks for, every session in them one record, no diff and no state.
 */
public interface PeerPages {

    /** One page's request: the same URL for every page, the page in the query. */
    record Request(String url, Map<String, String> headers, String query) {
    }

    /** Account settings both sides poll with beside the listing's (the page size), keyed without the prefix. */
    Map<String, String> settings();

    /** Page {@code n}, counted from 0, for an account with these settings (the listing's and {@link #settings}). */
    Request page(Map<String, String> account, int n);

    /** Whether a page follows this one. */
    boolean more(JsonNode page);

    /** The page's sessions, each published as one record. */
    List<JsonNode> sessions(JsonNode page);

    /** A session's record key. */
    String key(JsonNode session);
}
