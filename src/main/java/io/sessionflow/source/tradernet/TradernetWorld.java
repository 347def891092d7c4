package io.sessionflow.source.tradernet;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sessionflow.source.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulated Tradernet account: its open security sessions. Every change is announced to the feed servers,
 * which push the full list, as the vendor does.
 */
public final class TradernetWorld {
    private static final DateTimeFormatter LOCAL_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");
    private final Clock clock;
    private final ZoneId zone;
    private final Map<Long, Session> open = new LinkedHashMap<>();
    private final AtomicLong ids;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public record Session(long id, String ownerLogin, String userLogin, int safetyTypeId, String keyCurrent,
                          Instant start, Instant expire, String ipHash, String ipClient) {
    }

    public TradernetWorld(Clock clock) {
        this(clock, 0);
    }

    /** @param idBase added to every session id: the demo starts each run elsewhere, so its ids are new */
    public TradernetWorld(Clock clock, long idBase) {
        this(clock, idBase, ZoneOffset.UTC);
    }

    /** @param zone the zone the vendor writes its zone-less times in: UTC as its document says, or a server's own */
    public TradernetWorld(Clock clock, ZoneId zone) {
        this(clock, 0, zone);
    }

    private TradernetWorld(Clock clock, long idBase, ZoneId zone) {
        this.clock = clock;
        this.ids = new AtomicLong(7165011 + idBase);
        this.zone = zone;
    }

    public Session open(String login, String keyCurrent, Instant start, Duration validFor, String ipClient) {
        Instant s = start.truncatedTo(ChronoUnit.MILLIS);
        Session session = new Session(ids.getAndIncrement(), login, login, 4, keyCurrent, s, s.plus(validFor),
                "h" + Integer.toHexString(ipClient.hashCode()), ipClient);
        change(() -> open.put(session.id(), session));
        return session;
    }

    public void close(long id) {
        change(() -> open.remove(id));
    }

    public void prolong(long id, Instant newExpire) {
        change(() -> open.computeIfPresent(id, (k, s) -> new Session(s.id(), s.ownerLogin(), s.userLogin(),
                s.safetyTypeId(), s.keyCurrent(), s.start(), newExpire.truncatedTo(ChronoUnit.MILLIS), s.ipHash(),
                s.ipClient())));
    }

    public synchronized List<Session> sessions() {
        return new ArrayList<>(open.values());
    }

    /** The list as the vendor sends it; {@code expire} counts down to each session's expiry. */
    public String json() {
        Instant now = clock.instant();
        ArrayNode list = Json.mapper().createArrayNode();
        for (Session s : sessions()) {
            ObjectNode o = list.addObject();
            o.put("id", s.id());
            o.put("owner_login", s.ownerLogin());
            o.put("user_login", s.userLogin());
            o.put("safety_type_id", s.safetyTypeId());
            o.put("key_current", s.keyCurrent());
            o.put("start_datetime", local(s.start()));
            o.put("expire_datetime", local(s.expire()));
            o.put("expire", Math.max(0, Duration.between(now, s.expire()).toMillis()));
            o.put("ip", s.ipHash());
            o.put("ip_client", s.ipClient());
        }
        return list.toString();
    }

    void onChange(Runnable listener) {
        listeners.add(listener);
    }

    private void change(Runnable mutation) {
        synchronized (this) {
            mutation.run();
        }
        listeners.forEach(Runnable::run);
    }

    /** The document's format: no zone, milliseconds, e.g. 2016-06-14T13:14:13.187 (UTC unless told otherwise). */
    private String local(Instant t) {
        return LOCAL_MILLIS.format(LocalDateTime.ofInstant(t, zone));
    }
}
