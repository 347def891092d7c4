package io.sessionflow.bench;

import io.sessionflow.source.SourceModule;
import io.sessionflow.source.SourceModules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which modules the stages measure: each stage names what a module must offer, no stage names a vendor. */
final class BenchModules {
    private BenchModules() {
    }

    /**
     * The vendor of the end-to-end stages (pipeline in memory and over HTTP, scaling, startup), so they measure
     * one vendor's shape: the first module by system id that offers both bench records and a bench simulator.
     */
    static SourceModule endToEnd() {
        return SourceModules.all().stream()
                .filter(m -> m.benchRecords().isPresent() && m.benchSimulator().isPresent()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no source module offers bench records and a simulator"));
    }

    /** The vendor of the whole-app stages (accounts in parallel, idle accounts, takeover): the first with a listing. */
    static SourceModule listing() {
        return SourceModules.all().stream().filter(m -> m.benchListing().isPresent()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no source module offers a bench listing"));
    }

    /** The vendor of the peer row: the first module by system id with a listing and the peer route's pages. */
    static SourceModule peer() {
        return SourceModules.all().stream()
                .filter(m -> m.benchListing().isPresent() && m.peerPages().isPresent()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no source module offers a listing and peer pages"));
    }

    /** The request-economy row's vendors: every module with a bench economy, a row each. */
    static List<SourceModule> economy() {
        return SourceModules.all().stream().filter(m -> m.benchEconomy().isPresent()).toList();
    }

    /** Account settings (keyed without the prefix) as the properties of the module's account {@code default}. */
    static Map<String, String> asDefault(SourceModule module, Map<String, String> account) {
        Map<String, String> properties = new LinkedHashMap<>();
        account.forEach((key, value) -> properties.put(module.settingsPrefix() + key, value));
        return properties;
    }

    /** The account setting that says how often an account polls. */
    static String pollSetting(SourceModule module) {
        return module.pollSetting().orElseThrow(() -> new IllegalStateException(module.system()
                + " offers a bench listing but has no poll setting"));
    }
}
