package io.sessionflow.testing;

import io.sessionflow.source.SourceModule;
import io.sessionflow.source.SourceModules;
import java.util.List;

/**
 * The source modules the jar ships: those whose classes come from where the pipeline's own classes come from
 * (target/classes, or the jar). The test classpath also holds modules of the tests alone (the sixth vendor that
 * proves a vendor is one package); what is committed for the jar (the README's settings table, the Kamelet files)
 * documents the shipped ones only.
 */
public final class ShippedModules {
    private ShippedModules() {
    }

    public static List<SourceModule> all() {
        String main = codeSource(SourceModule.class);
        return SourceModules.all().stream().filter(m -> codeSource(m.getClass()).equals(main)).toList();
    }

    private static String codeSource(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation().toString();
    }
}
