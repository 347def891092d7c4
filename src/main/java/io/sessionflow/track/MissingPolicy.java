package io.sessionflow.track;

/** What a session's absence from a complete scope means for a system. */
public enum MissingPolicy {
    /** gone from the list: the vendor deleted it (StoryCLM, iSpring) */
    DELETED,
    /** gone from the list: it ended (Tradernet's open-session list) */
    ENDED,
    /** the list is a window, absence means nothing (webinar.ru, Seeit) */
    IGNORE
}
