package io.sessionflow.source;

import io.sessionflow.config.AccountSettings;
import io.sessionflow.config.SettingDef;
import io.sessionflow.demo.DemoVendor;
import io.sessionflow.event.SystemId;
import io.sessionflow.rederive.RederivableSource;
import io.sessionflow.track.Forgetting;
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
     * How often an account's route fires: by default its {@link #pollSetting}; a push source, which has none, says
     * what its route's timer is for. Valid settings only.
     */
    default Duration pollInterval(AccountSettings settings) {
        return settings.duration(pollSetting().orElseThrow(() -> new IllegalStateException(system()
                + " has no poll setting: its module says how often its route fires")));
    }

    /**
     * The setting that says how often a polling source polls, read by {@link #pollInterval} too; empty for a push
     * source. A polling module is also a Kamelet, {@code kamelets/<system>-session-source.kamelet.yaml}, whose timer
     * fires at this setting.
     */
    default Optional<String> pollSetting() {
        return Optional.of("poll-interval");
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

    /** A simulator listing sessions, none live, for the bench's whole-app stages (11-13) and its peer row (9). */
    default Optional<BenchListing.Start> benchListing() {
        return Optional.empty();
    }

    /** How the peer route of bench row 9 pages through this module's {@link #benchListing}; empty when not offered. */
    default Optional<PeerPages> peerPages() {
        return Optional.empty();
    }

    /** A simulator for the bench's request-economy row (10); empty when the module offers none. */
    default Optional<BenchEconomy.Start> benchEconomy() {
        return Optional.empty();
    }

    /**
     * How long after a session ended or was deleted this account's polls can still list it (its poll window), so the
     * tracker forgets it no earlier: a forgotten session listed again would be published as new. Valid settings only.
     */
    default Duration listedAfterClose(AccountSettings settings) {
        return Duration.ZERO;
    }

    /** When this account's tracker forgets closed sessions: {@code sessionflow.state.forget-after}, 0 never. */
    default Forgetting forgetting(AccountSettings settings) {
        Duration after = settings.pipeline().duration("sessionflow.state.forget-after");
        return after.isZero() ? Forgetting.NEVER : new Forgetting(after, listedAfterClose(settings));
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
