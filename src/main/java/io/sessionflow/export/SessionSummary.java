package io.sessionflow.export;

import io.sessionflow.replay.EventFields;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * What the events of one session say about it, folded in published order: the latest value of each field wins,
 * a start or end the data does not carry is the time of the started or ended event, and each person who joined
 * counts once however often they came back.
 */
public final class SessionSummary {
    private final String system;
    private final String account;
    private final String sessionId;
    private String kind;
    private String title;
    private String parentType;
    private String parentId;
    private String ownerId;
    private String ownerName;
    private Instant scheduledStart;
    private Instant scheduledEnd;
    private Instant startedAt;
    private Instant endedAt;
    private Long vendorDuration;
    private final Set<String> participants = new HashSet<>();
    private String lastStatus;
    private String lastType;
    private Instant lastTime;
    private int events;
    private boolean inferred;
    private boolean recovered;
    private Instant firstPublished;
    private Instant lastPublished;

    public SessionSummary(String system, String account, String sessionId) {
        this.system = system;
        this.account = account;
        this.sessionId = sessionId;
    }

    /** @param published the record timestamp of the event */
    public void add(EventFields e, Instant published) {
        kind = latest(e.data("kind"), kind);
        title = latest(e.data("title"), title);
        parentType = latest(e.data("parent", "type"), parentType);
        parentId = latest(e.data("parent", "id"), parentId);
        ownerId = latest(e.data("owner", "id"), ownerId);
        ownerName = latest(e.data("owner", "name"), ownerName);
        scheduledStart = latest(e.dataTime("scheduledStart"), scheduledStart);
        scheduledEnd = latest(e.dataTime("scheduledEnd"), scheduledEnd);
        startedAt = latest(e.dataTime("startedAt"), startedAt);
        endedAt = latest(e.dataTime("endedAt"), endedAt);
        vendorDuration = latest(e.dataLong("durationSeconds"), vendorDuration);
        lastType = e.envelope("type");
        lastTime = e.envelopeTime("time");
        lastStatus = latest(e.data("status"), lastStatus);
        if ("sessionflow.session.started".equals(lastType) && startedAt == null) {
            startedAt = lastTime;
        }
        if ("sessionflow.session.ended".equals(lastType) && endedAt == null) {
            endedAt = lastTime;
        }
        if ("sessionflow.participant.joined".equals(lastType)) {
            String who = identity(e);
            if (who != null) {
                participants.add(who);
            }
        }
        inferred |= e.dataFlag("inferred");
        recovered |= e.dataFlag("recovered");
        events++;
        firstPublished = firstPublished == null ? published : firstPublished;
        lastPublished = published;
    }

    /** Seconds between start and end; the vendor's own figure when it gave one. */
    public Long duration() {
        if (vendorDuration != null) {
            return vendorDuration;
        }
        return startedAt != null && endedAt != null ? endedAt.getEpochSecond() - startedAt.getEpochSecond() : null;
    }

    /** The row of the sessions table, in {@link SessionsTable#COLUMNS} order. */
    Object[] row() {
        return new Object[] {system, account, sessionId, kind, title, parentType, parentId, ownerId, ownerName,
            scheduledStart, scheduledEnd, startedAt, endedAt, duration(), participants.size(), lastStatus, lastType,
            lastTime, events, inferred, recovered, firstPublished, lastPublished};
    }

    public String system() {
        return system;
    }

    public String account() {
        return account;
    }

    public String sessionId() {
        return sessionId;
    }

    public String title() {
        return title;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    /** People who joined, each counted once. */
    public int participants() {
        return participants.size();
    }

    /** The most specific identity the vendor gave: id, else e-mail, else name. */
    private static String identity(EventFields e) {
        if (e.data("participant", "id") != null) {
            return "id:" + e.data("participant", "id");
        }
        if (e.data("participant", "email") != null) {
            return "email:" + e.data("participant", "email");
        }
        String name = e.data("participant", "name");
        return name == null ? null : "name:" + name;
    }

    private static <T> T latest(T value, T before) {
        return value != null ? value : before;
    }
}
