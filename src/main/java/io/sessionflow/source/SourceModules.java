package io.sessionflow.source;

import io.sessionflow.event.SystemId;
import java.lang.reflect.Modifier;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.camel.support.scan.DefaultPackageScanClassResolver;

/**
 * The source modules on the classpath, found by Camel's package scan under {@code io.sessionflow.source}: a vendor is
 * added by adding its package, nothing else names it. Sorted by system id, so every listing is stable.
 */
public final class SourceModules {
    private static volatile List<SourceModule> all;

    private SourceModules() {
    }

    public static List<SourceModule> all() {
        List<SourceModule> found = all;
        if (found == null) {
            synchronized (SourceModules.class) {
                if (all == null) {
                    all = scan();
                }
                found = all;
            }
        }
        return found;
    }

    public static Optional<SourceModule> of(SystemId system) {
        return all().stream().filter(m -> m.system() == system).findFirst();
    }

    private static List<SourceModule> scan() {
        DefaultPackageScanClassResolver resolver = new DefaultPackageScanClassResolver();
        List<SourceModule> modules = resolver.findImplementations(SourceModule.class, "io.sessionflow.source").stream()
                .filter(c -> !c.isInterface() && !Modifier.isAbstract(c.getModifiers()))
                .map(SourceModules::instantiate)
                .sorted(Comparator.comparing(m -> m.system().id()))
                .toList();
        long distinct = modules.stream().map(SourceModule::system).distinct().count();
        if (distinct != modules.size()) {
            throw new IllegalStateException("two source modules declare the same system: " + modules);
        }
        return modules;
    }

    private static SourceModule instantiate(Class<?> type) {
        try {
            return (SourceModule) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "source module " + type.getName() + " needs a public no-argument constructor", e);
        }
    }
}
