package io.sessionflow.source;

import io.sessionflow.config.AccountSettings;
import io.sessionflow.config.SettingDef;
import io.sessionflow.demo.DemoVendor;
import io.sessionflow.event.SystemId;
import io.sessionflow.rederive.RederivableSource;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything Sessionflow knows about one vendor system, provided by the vendor's own package and found at start
 * ({@link SourceModules}). The rooms above the sources (the app, settings, demo, rederive, bench) loop over the
 * modules and never name a vendor. See docs/adding-a-vendor.md.
 */
public interface SourceModule {

    SystemId system();

    /** The vendor and its API, for people: {@code webinar.ru user API v3}. */
    String title();

    /** One account's settings, keyed without the {@code sessionflow.<system>.} prefix ({@code base-url}). */
    List<SettingDef> settings();

    /** The setting that enables account {@code default} when the environment sets it (a base URL or equivalent). */
    String enabledBy();

    /** What is wrong with one account's settings beyond their types, one line each naming the setting. */
    List<String> problems(AccountSettings settings);

    /**
     * How often an account's route fires: by default its {@code poll-interval} setting; a push source says what its
     * route's timer is for. Valid settings only.
     */
    default Duration pollInterval(AccountSettings settings) {
        return settings.duration("poll-interval");
    }

    /** The route file and the templates in it that run once per account. */
    SourceRoutes routes();

    /** The bean one account's routes call. Valid settings only. */
    AccountSource createSource(AccountContext context);

    /**
     * A simulated vendor on loopback speaking the documented protocol, with a scenario: for the demo and tests.
     *
     * @param idBase where its session ids start, so worlds of different runs do not share ids
     */
    DemoVendor demo(long idBase);

    /** Re-derivation of the system's archived polls, wired like its live source; empty when it has none. */
    Optional<RederivableSource> rederivation(AccountSettings settings);

    /** Vendor-shaped records for the mapping bench; empty when the module offers none. */
    Optional<BenchRecords<?>> benchRecords();

    /** A simulator for the bench's end-to-end stages over the vendor's transport; empty when the module has none. */
    default Optional<BenchSimulator.Start> benchSimulator() {
        return Optional.empty();
    }

    /** A push module's simulated feed for the bench's latency stage; empty for a polling module. */
    default Optional<BenchFeed.Start> benchFeed() {
        return Optional.empty();
    }

    default String settingsPrefix() {
        return "sessionflow." + system().id() + ".";
    }

    /** Account {@code default}: this module's settings as the environment gives them. */
    default AccountSettings defaultAccount(io.sessionflow.config.Settings settings) {
        return AccountSettings.ofDefault(io.sessionflow.event.SourceAccount.defaultOf(system()), settings(),
                settingsPrefix(), settings);
    }
}
