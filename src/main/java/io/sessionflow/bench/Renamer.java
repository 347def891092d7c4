package io.sessionflow.bench;

import io.sessionflow.source.webinar.WebinarWorld;
import java.time.Instant;
import java.util.List;

/** Renames the next {@code count} sessions of the world, wrapping around: each a changed schedule entry. */
final class Renamer implements Runnable {
    private final WebinarWorld world;
    private final int count;
    private int next;
    private int revision;

    Renamer(WebinarWorld world, int count) {
        this.world = world;
        this.count = count;
    }

    @Override
    public void run() {
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
