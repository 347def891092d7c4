package io.sessionflow.source.webinar;

import java.time.Instant;
import java.util.List;

/** Renames the next sessions of the world, wrapping around: each a changed schedule entry. */
final class WebinarRenamer {
    private final WebinarWorld world;
    private int next;
    private int revision;

    WebinarRenamer(WebinarWorld world) {
        this.world = world;
    }

    synchronized void rename(int count) {
        List<WebinarWorld.Session> all = world.sessions();
        Instant now = Instant.now();
        revision++;
        for (int i = 0; i < count; i++) {
            WebinarWorld.Session s = all.get((next + i) % all.size());
            world.rename(s.id, "Webinar " + s.id + " rev " + revision, now);
        }
        next = (next + count) % all.size();
    }
}
