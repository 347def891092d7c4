package io.sessionflow.kamelet;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sessionflow.config.AccountSettings;
import io.sessionflow.config.SettingType;
import io.sessionflow.config.Settings;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.observe.PipelineMetrics;
import io.sessionflow.source.AccountContext;
import io.sessionflow.source.AccountSource;
import io.sessionflow.source.DeadLetter;
import io.sessionflow.source.PollBatch;
import io.sessionflow.source.SnapshotPoller;
import io.sessionflow.source.SourceFailures;
import io.sessionflow.source.SourceModule;
import io.sessionflow.source.http.LogSafe;
import io.sessionflow.source.http.VendorTls;
import io.sessionflow.track.InMemoryKnownSessions;
import io.sessionflow.track.SessionTracker;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kamelet's source: the module's poller, built from the Kamelet's properties, with a tracker of its own. A poll is
 * remembered ({@link #commit}) only once the route has completed all of its events, so what the sink did not take is
 * derived again by the next poll.
 */
final class KameletSource {
    /** The durations both Sessionflow and Camel's timer read alike (Camel's timer reads {@code PT30S} as 0). */
    static final String DURATION = "^[0-9]+(ms|s|m|h|d)$";
    private static final Logger LOG = LoggerFactory.getLogger(KameletSource.class);
    private final SourceAccount account;
    private final SnapshotPoller<?> poller;
    /** The poller's own: it also remembers which record made each session's state, to skip unchanged ones. */
    private final SessionTracker tracker;
    private final InMemoryKnownSessions known;
    private final StateFile file;

    private KameletSource(SourceAccount account, SnapshotPoller<?> poller, SessionTracker tracker,
                          InMemoryKnownSessions known, StateFile file) {
        this.account = account;
        this.poller = poller;
        this.tracker = tracker;
        this.known = known;
        this.file = file;
    }

    /**
     * @param properties the Kamelet's properties by name ({@code baseUrl}); missing ones take the declared defaults
     * @param stateFile  where the tracker's memory is kept; null: in memory only
     * @throws IllegalArgumentException with every problem of the properties, each naming its property
     */
    static KameletSource open(SourceModule module, String account, Map<String, String> properties, Path stateFile,
                              CamelContext camel) {
        String kamelet = "kamelet:" + KameletFile.name(module.system());
        AccountSettings settings = settings(module, accountOf(module, account, kamelet), properties);
        List<String> problems = problems(module, settings);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(kamelet + ": " + String.join("; ", problems));
        }
        SourceAccount source = settings.account();
        LogSafe.redact(settings.secretValues());
        StateFile file = stateFile == null ? null : new StateFile(stateFile);
        InMemoryKnownSessions known = file == null ? new InMemoryKnownSessions() : file.read(source);
        SessionTracker tracker = new SessionTracker(known);
        AccountSource created = module.createSource(new AccountContext(settings, tracker,
                Clock.systemUTC(), camel.createProducerTemplate(), new PipelineMetrics(new SimpleMeterRegistry()),
                VendorTls.bind(settings.pipeline(), camel.getRegistry()), SourceFailures.NONE,
                io.sessionflow.trace.Tracing.OFF));
        if (!(created instanceof SnapshotPoller<?> poller)) {
            throw new IllegalStateException(module.system() + " declares a poll setting, but its source does not poll");
        }
        return new KameletSource(source, poller, tracker, known, file);
    }

    private static SourceAccount accountOf(SourceModule module, String account, String kamelet) {
        try {
            return new SourceAccount(module.system(), account == null ? SourceAccount.DEFAULT : account.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(kamelet + ": " + KameletFile.ACCOUNT + " " + e.getMessage());
        }
    }

    /** The module's settings as the Kamelet's properties give them, named as those properties in every problem. */
    private static AccountSettings settings(
            SourceModule module, SourceAccount account, Map<String, String> properties) {
        Map<String, String> given = new LinkedHashMap<>();
        module.settings().forEach(def -> {
            String value = properties.get(KameletFile.property(def.key()));
            if (value != null) {
                given.put(def.key(), value);
            }
        });
        return AccountSettings.named(account, module.settings(), given, Settings.fromEnvironment(),
                KameletFile::property);
    }

    private static List<String> problems(SourceModule module, AccountSettings settings) {
        List<String> problems = new ArrayList<>();
        if (!settings.isSet(module.enabledBy())) {
            // the module's own checks take it as set: it is what enables the module in Sessionflow
            problems.add(settings.name(module.enabledBy()) + " is required");
        }
        problems.addAll(settings.problems());
        problems.addAll(VendorTls.problems(settings.pipeline()));
        if (!problems.isEmpty()) {
            return problems;
        }
        module.settings().stream().filter(def -> def.type() == SettingType.DURATION)
                .filter(def -> !settings.string(def.key()).matches(DURATION))
                .forEach(def -> problems.add(settings.name(def.key()) + " '" + settings.string(def.key())
                        + "' is not a duration like 500ms, 30s, 5m, 2h or 7d"));
        problems.addAll(module.problems(settings));
        return problems;
    }

    PollBatch poll() {
        return poller.poll();
    }

    /** The route completed every event of {@code batch}: remember it (and say once what could not be mapped). */
    synchronized void commit(PollBatch batch) {
        Map<String, DeadLetter> fresh = new LinkedHashMap<>();
        batch.deadLetters().forEach(d -> {
            String fingerprint = d.fingerprint(account);
            if (!known.wasDeadLettered(fingerprint)) {
                fresh.putIfAbsent(fingerprint, d);
            }
        });
        tracker.commit(account.system(), batch.transitions(), batch.polledAt());
        fresh.forEach((fingerprint, d) -> known.deadLettered(java.util.List.of(fingerprint), d.at()));
        fresh.values().forEach(d -> LOG.warn("{}: a record of {} could not be mapped and is not emitted: {}",
                account, d.endpoint(), LogSafe.of(d.reason())));
        if (file != null && (!batch.transitions().changes().isEmpty() || !fresh.isEmpty())) {
            file.write(account, known);
        }
    }
}
