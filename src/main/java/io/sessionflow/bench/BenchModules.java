package io.sessionflow.bench;

import io.sessionflow.source.SourceModule;
import io.sessionflow.source.SourceModules;

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
}
