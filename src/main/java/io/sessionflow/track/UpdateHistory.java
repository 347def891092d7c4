package io.sessionflow.track;

import java.util.HashSet;
import java.util.Set;

/**
 * The {@code session.updated} events a session has had, so that each gets an id of its own even when the data
 * comes back (A -> B -> A -> B). An update's id is named after the data it leads to; the first update to some
 * data keeps that plain name (the id it always had), a later update to the same data adds its sequence number.
 * Only the first {@link #REMEMBERED} updates remember their data; every later one adds its sequence, so the
 * history stays small however often a session changes.
 *
 * @param count     updates published so far
 * @param plainTo   fingerprints whose update id was the plain fingerprint
 */
public record UpdateHistory(int count, Set<String> plainTo) {
    static final int REMEMBERED = 64;
    public static final UpdateHistory NONE = new UpdateHistory(0, Set.of());

    public UpdateHistory {
        plainTo = plainTo == null ? Set.of() : Set.copyOf(plainTo);
    }

    /** What makes the id of the next update, to data with this fingerprint, unique for the session. */
    String discriminator(String fingerprint) {
        return plain(fingerprint) ? fingerprint : fingerprint + '/' + (count + 1);
    }

    /** The history once the next update, to data with this fingerprint, is published. */
    UpdateHistory next(String fingerprint) {
        if (!plain(fingerprint)) {
            return new UpdateHistory(count + 1, plainTo);
        }
        Set<String> more = new HashSet<>(plainTo);
        more.add(fingerprint);
        return new UpdateHistory(count + 1, more);
    }

    private boolean plain(String fingerprint) {
        return count < REMEMBERED && !plainTo.contains(fingerprint);
    }
}
