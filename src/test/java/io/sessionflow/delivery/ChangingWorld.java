package io.sessionflow.delivery;

import io.sessionflow.source.webinar.WebinarWorld;
import io.sessionflow.verify.ExpectedTransition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A webinar.ru world that keeps changing (sessions scheduled, started, visited, stopped), and the exact
 * transitions a consumer must see for it: every step each session reached and every visit.
 */
final class ChangingWorld {
    private static final List<WebinarWorld.User> USERS = List.of(
            new WebinarWorld.User("11", "Ann", "A", "ann@example.org"),
            new WebinarWorld.User("12", "Bob", "B", "bob@example.org"),
            new WebinarWorld.User("13", "Cid", "C", "cid@example.org"));
    final WebinarWorld world = new WebinarWorld();
    private final Random random = new Random(20261122);
    private final Map<String, Instant> lastChangeOfUser = new HashMap<>();

    synchronized void tick(Instant now) {
        int what = random.nextInt(6);
        List<WebinarWorld.Session> sessions = world.sessions();
        if (what == 0 || sessions.size() < 2) {
            world.schedule("Session " + sessions.size(), now, now.plusSeconds(600));
        } else if (what == 1) {
            sessions.stream().filter(s -> s.status.equals("ACTIVE")).findFirst().ifPresent(s -> world.start(s.id, now));
        } else if (what == 5) {
            List<WebinarWorld.Session> live = sessions.stream().filter(s -> s.status.equals("START")).toList();
            if (live.size() > 2) {
                world.stop(live.get(0).id, now);
            }
        } else {
            sessions.stream().filter(s -> s.status.equals("START")).findAny().ifPresent(s -> visit(s, now));
        }
    }

    /** Vendor times have whole seconds: a user changes presence at most once per 2 s, so visits stay distinct. */
    private void visit(WebinarWorld.Session s, Instant now) {
        WebinarWorld.User user = USERS.get(random.nextInt(USERS.size()));
        Instant last = lastChangeOfUser.get(user.id());
        if (last != null && last.plusSeconds(2).isAfter(now)) {
            return;
        }
        lastChangeOfUser.put(user.id(), now);
        boolean inside = s.connections.stream().anyMatch(c -> c.user.id().equals(user.id()) && c.leaved == null);
        if (inside) {
            world.leave(s.id, user.id(), now);
        } else if (world.sessions().stream().noneMatch(o -> o.connections.stream()
                .anyMatch(c -> c.user.id().equals(user.id()) && c.leaved == null))) {
            world.join(s.id, user, now);
        }
    }

    synchronized List<ExpectedTransition> expected() {
        return expected("webinar");
    }

    /** @param keyPrefix {@code webinar} for account default, {@code webinar/<account>} for any other */
    synchronized List<ExpectedTransition> expected(String keyPrefix) {
        List<ExpectedTransition> out = new ArrayList<>();
        for (WebinarWorld.Session s : world.sessions()) {
            String key = keyPrefix + ":" + s.id;
            out.add(new ExpectedTransition(key, "sessionflow.session.scheduled", null));
            if (!s.status.equals("ACTIVE")) {
                out.add(new ExpectedTransition(key, "sessionflow.session.started", null));
            }
            if (s.status.equals("STOP")) {
                out.add(new ExpectedTransition(key, "sessionflow.session.ended", null));
            }
            for (WebinarWorld.Connection c : s.connections) {
                out.add(new ExpectedTransition(key, "sessionflow.participant.joined", c.user.id()));
                if (c.leaved != null) {
                    out.add(new ExpectedTransition(key, "sessionflow.participant.left", c.user.id()));
                }
            }
        }
        return out;
    }
}
