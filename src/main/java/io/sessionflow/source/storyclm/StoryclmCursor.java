package io.sessionflow.source.storyclm;

import io.sessionflow.event.SystemId;
import io.sessionflow.track.KnownSessions;
import java.util.List;
import java.util.Set;

/**
 * What one poll asks beyond getsessions. getsessions returns every session of the user in full, so listed
 * sessions need nothing more. A known session missing from the list would be published as deleted; before
 * that, getsessionbyid confirms it, so a list that merely skipped it does not cause a false delete.
 */
public record StoryclmCursor(List<String> toConfirm) {

    public static StoryclmCursor after(Set<String> listedIds, KnownSessions known) {
        return new StoryclmCursor(known.of(StoryclmModule.SYSTEM)
                .filter(k -> !k.isDeleted())
                .map(k -> k.data().sessionId())
                .filter(id -> !listedIds.contains(id))
                .sorted()
                .toList());
    }
}
