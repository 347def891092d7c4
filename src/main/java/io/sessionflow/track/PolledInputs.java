package io.sessionflow.track;

import io.sessionflow.event.SystemId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The record inputs of one poll, per session key, to become the source's {@link RecordInputs} once the poll is
 * committed; and the sessions skipped because their input was unchanged, which the tracker still counts as
 * listed.
 */
public final class PolledInputs {
    private final SystemId system;
    private final Map<String, RecordDigest> inputBySession;
    private final List<String> unchanged;

    /** @param records how many records the poll has, so the maps are not grown step by step */
    public PolledInputs(SystemId system, int records) {
        this.system = system;
        this.inputBySession = new HashMap<>(capacityFor(records));
        this.unchanged = new ArrayList<>(records);
    }

    public SystemId system() {
        return system;
    }

    /** Whether a record of this session was already taken in this poll (a vendor may list one twice). */
    public boolean has(String sessionKey) {
        return inputBySession.containsKey(sessionKey);
    }

    /** A session listed with the very input its committed state was made from. */
    public void unchanged(String sessionKey, RecordDigest input) {
        inputBySession.put(sessionKey, input);
        unchanged.add(sessionKey);
    }

    /**
     * A session mapped and diffed in this poll; {@code input} null when the record cannot be recognised again
     * (no whole input, or a mapper that reads the clock), so a later record of it in this poll is mapped too.
     */
    public void mapped(String sessionKey, RecordDigest input) {
        inputBySession.put(sessionKey, input);
    }

    public List<String> unchangedSessions() {
        return unchanged;
    }

    /** What {@link RecordInputs} holds after the commit: each input with the session it made. */
    Map<RecordDigest, String> sessionByInput() {
        Map<RecordDigest, String> byInput = new HashMap<>(capacityFor(inputBySession.size()));
        inputBySession.forEach((session, input) -> {
            if (input != null) {
                byInput.put(input, session);
            }
        });
        return byInput;
    }

    private static int capacityFor(int entries) {
        return entries * 4 / 3 + 1;
    }
}
