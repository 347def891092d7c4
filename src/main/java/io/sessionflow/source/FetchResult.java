package io.sessionflow.source;

import java.util.List;
import java.util.Set;

/**
 * What one fetch brought back: every response body for the raw topic, the records in it, the scopes it
 * listed completely, records that were unreadable before mapping, and the parts of the poll that failed while the
 * rest was read (see {@link PollBatch#failedParts()}).
 */
public record FetchResult<R>(List<RawPayload> raw, List<SourceRecord<R>> records, Set<String> completeScopes,
                             List<DeadLetter> unreadable, List<String> failedParts) {

    public FetchResult {
        raw = List.copyOf(raw);
        records = List.copyOf(records);
        completeScopes = Set.copyOf(completeScopes);
        unreadable = List.copyOf(unreadable);
        failedParts = List.copyOf(failedParts);
    }

    public FetchResult(List<RawPayload> raw, List<SourceRecord<R>> records, Set<String> completeScopes,
                       List<DeadLetter> unreadable) {
        this(raw, records, completeScopes, unreadable, List.of());
    }
}
