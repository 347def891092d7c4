package io.sessionflow.app;

import io.sessionflow.config.Settings;
import io.sessionflow.source.SourceModule;
import io.sessionflow.source.SourceModules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Which route files Camel loads: every YAML file of the routes folder when it exists (operators edit routes there
 * without a rebuild), else the ones packaged in the jar; plus each source module's own file where neither has it: a
 * module packaged on its own, or living in the tests' classes, brings its route beside its classes (the tests' sixth
 * vendor, {@code src/test/resources/routes/sources/}). Packaged files are listed one by one:
 * Camel's wildcard scan inside a jar loses sub-folders ({@code routes/common/x.yaml} becomes {@code routes/x.yaml}).
 */
final class RouteFiles {
    private RouteFiles() {
    }

    static String includePattern(Settings settings) {
        Path dir = Path.of(settings.string("sessionflow.routes.dir"));
        List<String> entries = new ArrayList<>();
        List<String> packaged = packaged();
        if (Files.isDirectory(dir)) {
            entries.add("file:" + dir.toAbsolutePath() + "/**/*.yaml");
        } else {
            packaged.forEach(f -> entries.add("classpath:" + f));
        }
        for (SourceModule module : SourceModules.all()) {
            String file = module.routes().file();
            boolean inFolder = Files.isDirectory(dir) && Files.isRegularFile(dir.resolve(file));
            boolean listed = !Files.isDirectory(dir) && packaged.contains("routes/" + file);
            if (!inFolder && !listed) {
                if (module.getClass().getClassLoader().getResource("routes/" + file) == null) {
                    throw new IllegalStateException("source module " + module.system() + " declares route file routes/"
                            + file + ", which is neither in " + dir + " nor beside its classes");
                }
                entries.add("classpath:routes/" + file);
            }
        }
        return String.join(",", entries);
    }

    private static List<String> packaged() {
        List<String> files = new ArrayList<>();
        try {
            Path location = Path.of(RouteFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                Path routes = location.resolve("routes");
                if (Files.isDirectory(routes)) {
                    try (Stream<Path> walk = Files.walk(routes)) {
                        walk.filter(p -> p.toString().endsWith(".yaml"))
                                .forEach(p -> files.add("routes/"
                                        + routes.relativize(p).toString().replace('\\', '/')));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    jar.stream().map(java.util.zip.ZipEntry::getName)
                            .filter(n -> n.startsWith("routes/") && n.endsWith(".yaml")).forEach(files::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the packaged routes", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the application's jar", e);
        }
        files.sort(String::compareTo);
        return files;
    }
}
