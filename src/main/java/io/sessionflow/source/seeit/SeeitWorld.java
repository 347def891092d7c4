package io.sessionflow.source.seeit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The state behind the simulated GoToAssist Seeit: remote-support sessions and their data. Thread-safe. */
public final class SeeitWorld {

    /** A session as Seeit stores it; {@code corrupt} makes the simulator serve an unreadable record. */
    public static final class Session {
        public final String uuid;
        public final String supportKey;
        public final Instant createTime;
        public final String technicianEmail;
        public String status = "CREATED";
        public Instant startTime;
        public Instant joinTime;
        public Instant endTime;
        public String notes;
        public boolean recorded;
        public String dataStatus = "NO_DATA";
        public int photoCount;
        public int photoNotesCount;
        public long dataSize;
        public boolean corrupt;

        Session(String uuid, String supportKey, Instant createTime, String technicianEmail) {
            this.uuid = uuid;
            this.supportKey = supportKey;
            this.createTime = createTime;
            this.technicianEmail = technicianEmail;
        }
    }

    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private String dataDownloadBase = "https://seeit.example.invalid/data/";

    /** Where session data downloads are said to be: tests point it at a server that counts requests. */
    public synchronized void dataDownloadBase(String base) {
        dataDownloadBase = base;
    }

    public synchronized String dataDownloadBase() {
        return dataDownloadBase;
    }
    private int created;
    private final long idBase;

    public SeeitWorld() {
        this(0);
    }

    /** @param idBase shifts the counter ids derive from: the demo starts each run elsewhere, so its ids are new */
    public SeeitWorld(long idBase) {
        this.idBase = idBase;
    }

    /** uuids are derived from a counter, so a scenario replays to the same ids. */
    public synchronized Session create(String technicianEmail, Instant now) {
        int n = ++created;
        String uuid = UUID.nameUUIDFromBytes(("seeit-session-" + (idBase + n)).getBytes(StandardCharsets.UTF_8))
                .toString();
        // support keys are reused by Seeit; the simulator reuses them every 7 sessions to prove uuids identify
        String key = String.format("%03d-%03d-%03d", 100 + n % 7, 456, 789);
        Session s = new Session(uuid, key, now, technicianEmail);
        sessions.put(uuid, s);
        return s;
    }

    public synchronized void start(String uuid, Instant now) {
        Session s = sessions.get(uuid);
        s.status = "STARTED";
        s.startTime = now;
        s.recorded = true;
    }

    public synchronized void join(String uuid, Instant now) {
        Session s = sessions.get(uuid);
        s.status = "JOINED";
        s.joinTime = now;
    }

    /** Ends the session; its data (photos, notes) is processed afterwards, see {@link #dataReady}. */
    public synchronized void finish(String uuid, Instant now, int photos, String notes) {
        Session s = sessions.get(uuid);
        s.status = "FINISHED";
        s.endTime = now;
        s.notes = notes;
        s.photoCount = photos;
        s.photoNotesCount = photos / 2;
        s.dataStatus = photos > 0 || s.recorded ? "PROCESSING" : "NO_DATA";
    }

    public synchronized void dataReady(String uuid) {
        Session s = sessions.get(uuid);
        s.dataStatus = "AVAILABLE";
        s.dataSize = 250_000L * Math.max(1, s.photoCount);
    }

    public synchronized void corrupt(String uuid) {
        sessions.get(uuid).corrupt = true;
    }

    public synchronized Session session(String uuid) {
        return sessions.get(uuid);
    }

    /** Oldest first, as Seeit sorts by default. */
    public synchronized List<Session> sessions() {
        List<Session> all = new ArrayList<>(sessions.values());
        all.sort(Comparator.comparing((Session s) -> s.createTime).thenComparing(s -> s.uuid));
        return all;
    }
}
