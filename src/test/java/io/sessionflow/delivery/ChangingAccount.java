package io.sessionflow.delivery;

import io.sessionflow.demo.SimulatedHttpServer;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.source.seeit.SeeitModule;
import io.sessionflow.source.seeit.SeeitSimulator;
import io.sessionflow.source.seeit.SeeitWorld;
import io.sessionflow.source.tradernet.TradernetModule;
import io.sessionflow.source.tradernet.TradernetSimulator;
import io.sessionflow.source.tradernet.TradernetWorld;
import io.sessionflow.source.webinar.WebinarModule;
import io.sessionflow.source.webinar.WebinarSimulator;
import io.sessionflow.verify.ExpectedTransition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.HashSet;
import java.util.Set;

/**
 * One vendor account of a cluster test: its own simulator on loopback with a world that keeps changing, the
 * settings an operator gives {@code accounts add} for it (its secret in a file, as a reference), the exact
 * transitions a consumer must see for it, and who asked the simulator what and when (the User-Agent names the
 * instance).
 */
abstract class ChangingAccount implements AutoCloseable {
    @Override
    public abstract void close();

    final SourceAccount account;
    private final Path secretFile;
    protected final Random random;
    private volatile boolean frozen;

    ChangingAccount(SourceAccount account, Path secrets, String secret) {
        this.account = account;
        this.random = new Random(account.toString().hashCode());
        try {
            this.secretFile =
                    Files.writeString(secrets.resolve(account.system().id() + "-" + account.account()), secret);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ChangingAccount webinar(String account, Path secrets) {
        return new Webinar(new SourceAccount(WebinarModule.SYSTEM, account), secrets);
    }

    static ChangingAccount seeit(String account, Path secrets) {
        return new Seeit(new SourceAccount(SeeitModule.SYSTEM, account), secrets);
    }

    static ChangingAccount tradernet(String account, Path secrets) {
        return new Tradernet(new SourceAccount(TradernetModule.SYSTEM, account), secrets);
    }

    /** {@code accounts add <system> <account> KEY=VALUE...} */
    final String[] addCommand() {
        List<String> args = new ArrayList<>(List.of("add", account.system().id(), account.account()));
        settings("${file:" + secretFile + "}").forEach((k, v) -> args.add(k + "=" + v));
        return args.toArray(String[]::new);
    }

    /** The world stops changing (and its last changes can all be published). */
    final void freeze() {
        frozen = true;
    }

    final void thaw() {
        frozen = false;
    }

    final void tick(Instant now) {
        if (!frozen) {
            change(now);
        }
    }

    /** Every request the simulator has seen, with who asked. */
    abstract List<SimulatedHttpServer.Seen> requests();

    /** The instances that asked this vendor within the window (a User-Agent names its instance). */
    Set<String> askedBetween(Instant from, Instant to) {
        Set<String> agents = new HashSet<>();
        requests().stream().filter(r -> r.at().isAfter(from) && r.at().isBefore(to)).forEach(r -> agents.add(r.agent()));
        return agents;
    }

    abstract List<ExpectedTransition> expected();

    protected abstract Map<String, String> settings(String secretReference);

    protected abstract void change(Instant now);

    protected final String keyPrefix() {
        return account.system().id() + "/" + account.account();
    }

    private static final class Webinar extends ChangingAccount {
        private final ChangingWorld world = new ChangingWorld();
        private final WebinarSimulator vendor;

        Webinar(SourceAccount account, Path secrets) {
            super(account, secrets, "token-" + account.account());
            vendor = new WebinarSimulator(world.world, "token-" + account.account());
        }

        @Override
        protected Map<String, String> settings(String secret) {
            return Map.of("base-url", vendor.baseUrl(), "token", secret, "poll-interval", "1s");
        }

        @Override
        protected void change(Instant now) {
            world.tick(now);
        }

        @Override
        List<SimulatedHttpServer.Seen> requests() {
            return vendor.server().requests();
        }

        @Override
        List<ExpectedTransition> expected() {
            return world.expected(keyPrefix());
        }

        @Override
        public void close() {
            vendor.close();
        }
    }

    /** Sessions created, started, joined by the customer's phone, finished: created, started, joined, left, ended. */
    private static final class Seeit extends ChangingAccount {
        private final SeeitWorld world = new SeeitWorld();
        private final SeeitSimulator vendor;

        Seeit(SourceAccount account, Path secrets) {
            super(account, secrets, "token-" + account.account());
            vendor = new SeeitSimulator(world, "token-" + account.account());
        }

        @Override
        protected Map<String, String> settings(String secret) {
            return Map.of("base-url", vendor.baseUrl(), "token", secret, "poll-interval", "1s");
        }

        @Override
        protected synchronized void change(Instant now) {
            int what = random.nextInt(4);
            List<SeeitWorld.Session> sessions = world.sessions();
            if (what == 0 || sessions.size() < 2) {
                world.create("tech@" + account.account() + ".example.org", now);
                return;
            }
            for (SeeitWorld.Session s : sessions) {
                String next = switch (s.status) {
                    case "CREATED" -> what == 1 ? "start" : null;
                    case "STARTED" -> what == 2 ? "join" : null;
                    case "JOINED" -> what == 3 ? "finish" : null;
                    default -> null;
                };
                if (next != null) {
                    switch (next) {
                        case "start" -> world.start(s.uuid, now);
                        case "join" -> world.join(s.uuid, now);
                        default -> world.finish(s.uuid, now, 0, null);
                    }
                    return;
                }
            }
        }

        @Override
        List<SimulatedHttpServer.Seen> requests() {
            return vendor.server().requests();
        }

        @Override
        synchronized List<ExpectedTransition> expected() {
            List<ExpectedTransition> out = new ArrayList<>();
            for (SeeitWorld.Session s : world.sessions()) {
                String key = keyPrefix() + ":" + s.uuid;
                out.add(new ExpectedTransition(key, "sessionflow.session.created", null));
                if (!s.status.equals("CREATED")) {
                    out.add(new ExpectedTransition(key, "sessionflow.session.started", null));
                }
                if (s.joinTime != null) {
                    out.add(new ExpectedTransition(key, "sessionflow.participant.joined", null));
                }
                if (s.status.equals("FINISHED")) {
                    out.add(new ExpectedTransition(key, "sessionflow.participant.left", null));
                    out.add(new ExpectedTransition(key, "sessionflow.session.ended", null));
                }
            }
            return out;
        }

        @Override
        public void close() {
            vendor.close();
        }
    }

    /** Security sessions opened and closed: started, and ended once closed. */
    private static final class Tradernet extends ChangingAccount {
        private final TradernetWorld world = new TradernetWorld(Clock.systemUTC());
        private final TradernetSimulator vendor;
        private final Map<Long, Boolean> closed = new LinkedHashMap<>();
        private final Map<Long, Instant> openedAt = new LinkedHashMap<>();

        Tradernet(SourceAccount account, Path secrets) {
            super(account, secrets, "password-" + account.account());
            vendor = new TradernetSimulator(world, account.account() + "@example.org", "password-" + account.account());
        }

        @Override
        protected Map<String, String> settings(String secret) {
            return Map.of("api-url", vendor.apiUrl(), "ws-url", vendor.webSocketUrl(),
                    "login", account.account() + "@example.org", "password", secret, "expiry-check-interval", "1s",
                    "reconnect-max-delay", "2s");
        }

        /**
         * Only while an instance holds the feed: a push vendor shows what is open now, so a session that opened and
         * closed while nobody listened was never there for anyone. A session stays open for 30 s at least, longer
         * than any takeover gap, so the new owner's snapshot shows whatever opened in a gap.
         */
        @Override
        protected synchronized void change(Instant now) {
            if (vendor.feedSubscribers() == 0) {
                return;
            }
            List<Long> open = closed.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
            List<Long> old = open.stream().filter(id -> openedAt.get(id).plusSeconds(30).isBefore(now)).toList();
            if (open.size() < 2 || random.nextInt(3) == 0) {
                TradernetWorld.Session s = world.open(account.account() + "@example.org", "SMS", now,
                        Duration.ofHours(2), "10.0.0." + (1 + random.nextInt(200)));
                closed.put(s.id(), false);
                openedAt.put(s.id(), now);
            } else if (!old.isEmpty() && random.nextInt(2) == 0) {
                long id = old.get(random.nextInt(old.size()));
                world.close(id);
                closed.put(id, true);
            }
        }

        @Override
        List<SimulatedHttpServer.Seen> requests() {
            return vendor.server().requests();
        }

        /**
         * A push feed is asked once (log in, snapshot) and then holds its connection: within a quiet window the one
         * that holds it, the instance that logged in last, while exactly one feed is subscribed.
         */
        @Override
        Set<String> askedBetween(Instant from, Instant to) {
            Set<String> agents = super.askedBetween(from, to);
            if (agents.isEmpty() && vendor.feedSubscribers() == 1) {
                requests().stream().filter(r -> r.at().isBefore(to)).reduce((a, b) -> b)
                        .ifPresent(last -> agents.add(last.agent()));
            } else if (vendor.feedSubscribers() > 1) {
                agents.add("(" + vendor.feedSubscribers() + " feeds subscribed)");
            }
            return agents;
        }

        @Override
        synchronized List<ExpectedTransition> expected() {
            List<ExpectedTransition> out = new ArrayList<>();
            closed.forEach((id, isClosed) -> {
                String key = keyPrefix() + ":" + id;
                out.add(new ExpectedTransition(key, "sessionflow.session.started", null));
                if (isClosed) {
                    out.add(new ExpectedTransition(key, "sessionflow.session.ended", null));
                }
            });
            return out;
        }

        @Override
        public void close() {
            vendor.close();
        }
    }
}
