package io.sessionflow.source.webinar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The state behind the simulated webinar.ru: events, their sessions and who visited. Thread-safe. */
public final class WebinarWorld {
    public static final String ORGANIZATION = "1";

    /** A session as the vendor stores it; {@code corrupt} makes the simulator serve an unreadable record. */
    public static final class Session {
        public final String id;
        public final String eventId;
        public String name;
        /** The organizer's rich text, which can make a schedule page several MiB; null: none. */
        public String description;
        public String status = "ACTIVE";
        public Instant createAt;
        public Instant updateAt;
        public Instant startsAt;
        public Instant endsAt;
        public boolean deleted;
        /** The schedule no longer shows it (outside the window asked for), while its details still answer. */
        public boolean unlisted;
        public boolean corrupt;
        public final List<Connection> connections = new ArrayList<>();

        Session(String id, String eventId, String name, Instant createAt, Instant startsAt) {
            this.id = id;
            this.eventId = eventId;
            this.name = name;
            this.createAt = createAt;
            this.updateAt = createAt;
            this.startsAt = startsAt;
        }
    }

    public record User(String id, String name, String secondName, String email) {
    }

    public static final class Connection {
        public final User user;
        public final Instant joined;
        public Instant leaved;

        Connection(User user, Instant joined) {
            this.user = user;
            this.joined = joined;
        }
    }

    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private long nextId;
    private final List<String> bogusIds = new ArrayList<>();

    public WebinarWorld() {
        this(0);
    }

    /** @param idBase added to every session id: the demo starts each run elsewhere, so its ids are new */
    public WebinarWorld(long idBase) {
        this.nextId = 6780 + idBase;
    }

    public synchronized Session schedule(String name, Instant now, Instant startsAt) {
        String id = String.valueOf(nextId++);
        Session s = new Session(id, String.valueOf(5000 + sessions.size() / 2), name, now, startsAt);
        sessions.put(id, s);
        return s;
    }

    public synchronized void start(String id, Instant now) {
        Session s = sessions.get(id);
        s.status = "START";
        s.startsAt = now;
        s.updateAt = now;
    }

    public synchronized void stop(String id, Instant now) {
        Session s = sessions.get(id);
        s.connections.stream().filter(c -> c.leaved == null).forEach(c -> c.leaved = now);
        s.status = "STOP";
        s.endsAt = now;
        s.updateAt = now;
    }

    public synchronized void rename(String id, String name, Instant now) {
        Session s = sessions.get(id);
        s.name = name;
        s.updateAt = now;
    }

    public synchronized void describe(String id, String description, Instant now) {
        Session s = sessions.get(id);
        s.description = description;
        s.updateAt = now;
    }

    public synchronized void delete(String id) {
        sessions.get(id).deleted = true;
    }

    public synchronized void unlist(String id) {
        sessions.get(id).unlisted = true;
    }

    /** The vendor lists a deleted session again, as it was (a deletion undone). */
    public synchronized void restore(String id) {
        sessions.get(id).deleted = false;
    }

    public synchronized void corrupt(String id) {
        sessions.get(id).corrupt = true;
    }

    public synchronized void join(String id, User user, Instant now) {
        sessions.get(id).connections.add(new Connection(user, now));
    }

    public synchronized void leave(String id, String userId, Instant now) {
        sessions.get(id).connections.stream()
                .filter(c -> c.user.id().equals(userId) && c.leaved == null)
                .forEach(c -> c.leaved = now);
    }

    public synchronized List<Session> sessions() {
        return List.copyOf(sessions.values());
    }

    /** An id the schedule lists with no session behind it: e.g. a hostile one like {@code ../admin}. */
    public synchronized void listBogusId(String id) {
        bogusIds.add(id);
    }

    public synchronized List<String> bogusIds() {
        return List.copyOf(bogusIds);
    }

    public synchronized Session session(String id) {
        return sessions.get(id);
    }
}
