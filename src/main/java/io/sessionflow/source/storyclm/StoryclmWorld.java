package io.sessionflow.source.storyclm;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The state behind the simulated StoryCLM: one user's presentation sessions, and an optional outage that
 * makes every command answer an error envelope. Thread-safe.
 */
public final class StoryclmWorld {

    /** A session as StoryCLM stores it; times are kept in UTC and served as local time plus offset. */
    public static final class Session {
        public final String id;
        public final int presentationId;
        public final String userName;
        public final Instant start;
        public final int offsetHours;
        public boolean finished;
        public Instant end;
        public int slides;
        public int visit;
        public int confirmed;
        public int checkIn;
        public boolean deleted;
        public boolean corrupt;

        Session(String id, int presentationId, String userName, Instant start, int offsetHours) {
            this.id = id;
            this.presentationId = presentationId;
            this.userName = userName;
            this.start = start;
            this.offsetHours = offsetHours;
        }

        public long durationSeconds() {
            return end == null ? 0 : Duration.between(start, end).toSeconds();
        }
    }

    /** An error envelope every command answers while set. */
    public record Outage(int errorCode, String status, String message) {
    }

    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private Outage outage;
    private int created;
    private final long idBase;

    public StoryclmWorld() {
        this(0);
    }

    /** @param idBase shifts the counter ids derive from: the demo starts each run elsewhere, so its ids are new */
    public StoryclmWorld(long idBase) {
        this.idBase = idBase;
    }

    /** ids look like StoryCLM's (32 upper-case hex digits) and follow a counter, so scenarios replay. */
    public synchronized Session start(int presentationId, String userName, Instant now, int offsetHours) {
        int n = ++created;
        String id = UUID.nameUUIDFromBytes(("storyclm-session-" + (idBase + n)).getBytes(StandardCharsets.UTF_8))
                .toString().replace("-", "").toUpperCase(Locale.ROOT);
        Session s = new Session(id, presentationId, userName, now, offsetHours);
        sessions.put(id, s);
        return s;
    }

    public synchronized void showSlide(String id) {
        sessions.get(id).slides++;
    }

    public synchronized void finish(String id, Instant now) {
        Session s = sessions.get(id);
        s.finished = true;
        s.end = now;
    }

    public synchronized void setVisit(String id, int visit, int confirmed) {
        Session s = sessions.get(id);
        s.visit = visit;
        s.confirmed = confirmed;
    }

    public synchronized void checkIn(String id) {
        sessions.get(id).checkIn = 1;
    }

    public synchronized void delete(String id) {
        sessions.get(id).deleted = true;
    }

    public synchronized void corrupt(String id) {
        sessions.get(id).corrupt = true;
    }

    public synchronized void outage(Outage o) {
        outage = o;
    }

    public synchronized Outage outage() {
        return outage;
    }

    public synchronized Session session(String id) {
        Session s = sessions.get(id);
        return s == null || s.deleted ? null : s;
    }

    /** Sessions not deleted, oldest first. */
    public synchronized List<Session> sessions() {
        return new ArrayList<>(sessions.values().stream().filter(s -> !s.deleted).toList());
    }
}
