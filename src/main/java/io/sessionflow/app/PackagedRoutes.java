package io.sessionflow.app;

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
 * The route files packaged with the application, as explicit {@code classpath:} entries. Camel's wildcard
 * scan inside a jar loses sub-folders ({@code routes/common/x.yaml} becomes {@code routes/x.yaml}), so the
 * files are listed here, from the jar or from the classes folder.
 */
final class PackagedRoutes {
    private PackagedRoutes() {
    }

    static String includePattern() {
        List<String> files = new ArrayList<>();
        try {
            Path location = Path.of(PackagedRoutes.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                Path routes = location.resolve("routes");
                try (Stream<Path> walk = Files.walk(routes)) {
                    walk.filter(p -> p.toString().endsWith(".yaml"))
                            .forEach(p -> files.add("routes/" + routes.relativize(p).toString().replace('\\', '/')));
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
        if (files.isEmpty()) {
            throw new IllegalStateException("no routes packaged with the application and no routes folder found");
        }
        return files.stream().sorted().map(f -> "classpath:" + f).reduce((a, b) -> a + "," + b).orElseThrow();
    }
}
