package io.sessionflow.source.tradernet;

/** What a login gives: the session id (SID cookie). Never printed: toString hides it. */
public record TradernetCredentials(String sid) {

    @Override
    public String toString() {
        return "TradernetCredentials[sid=***]";
    }
}
