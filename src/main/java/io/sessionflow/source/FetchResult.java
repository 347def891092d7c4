package io.sessionflow.source;

import java.util.List;
import java.util.Set;

/**
 * What one fetch brought back: every response body for the raw topic, the records in it, the scopes it
 * listed completely, and records that were unreadable before mapping.
 */
public record FetchResult<R>(List<RawPayload> raw, List<SourceRecord<R>> records, Set<String> completeScopes,
                             List<DeadLetter> unreadable) {

    public FetchResult {
        raw = List.copyOf(raw);
        records = List.copyOf(records);
        completeScopes = Set.copyOf(completeScopes);
        unreadable = List.copyOf(unreadable);
    }
}
