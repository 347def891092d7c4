package io.sessionflow.track;

/**
 * What the tracker concluded about a session rather than was told, kept with it in the state topic (so a restart keeps
 * it): a "not found" is believed only when the next poll says so too, and a close concluded from the vendor's silence
 * (absence from a complete list, a time that passed, a "not found") is undone when the vendor lists the session open
 * again.
 *
 * @param notFound polls in a row that answered "not found" for the open session, not yet believed
 * @param closed   the session's end or deletion was concluded, not reported: the vendor may still contradict it
 * @param reopens  how often it was reopened; lifecycle events after a reopen carry the number in their ids
 */
public record Inference(int notFound, boolean closed, int reopens) {
    public static final Inference NONE = new Inference(0, false, 0);
    /** Answers of "not found" in a row that make a deletion (or end) believed: one more look than the first. */
    static final int NOT_FOUND_CONFIRMATIONS = 2;

    Inference withNotFound(int answers) {
        return new Inference(answers, closed, reopens);
    }

    Inference closed(boolean concluded) {
        return new Inference(0, concluded, reopens);
    }

    Inference reopened() {
        return new Inference(0, false, reopens + 1);
    }

    /** What makes the id of a lifecycle event unique across reopens; "" before the first, as ids always were. */
    String lifecycleDiscriminator() {
        return reopens == 0 ? "" : "reopen-" + reopens;
    }
}
