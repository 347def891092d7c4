package io.sessionflow.source.tradernet;

/** What a login gives: the session id (SID cookie) and user id. Never printed: toString hides the SID. */
public record TradernetCredentials(String sid, String uid) {

    @Override
    public String toString() {
        return "TradernetCredentials[sid=***, uid=" + uid + "]";
    }
}
