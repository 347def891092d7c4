package io.sessionflow.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house rule of issues 13 and 15: the rooms above the sources (app, settings, demo, rederive, bench, ...) loop over
 * the modules and name no vendor. A vendor package is a subpackage of {@code io.sessionflow.source} holding a
 * {@code *Module} class; no class of src/main/java outside it may name it, by import or by full name.
 */
class VendorNamedOnlyInItsPackageTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final Path SOURCE = MAIN.resolve("io/sessionflow/source");

    @Test
    void noClassOutsideAVendorPackageNamesIt() throws IOException {
        List<String> vendors = vendorPackages();
        assertThat(vendors).as("the scan finds the vendor packages")
                .contains("webinar", "seeit", "tradernet", "storyclm", "ispring");
        Pattern named = Pattern.compile("\\bio\\.sessionflow\\.source\\.(" + String.join("|", vendors) + ")\\b");
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String own = vendorOf(file);
                String text = Files.readString(file);
                Matcher m = named.matcher(text);
                while (m.find()) {
                    if (!m.group(1).equals(own)) {
                        long line = text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                        offences.add(MAIN.relativize(file) + ":" + line + " names " + m.group());
                    }
                }
            }
        }
        assertThat(offences).as("classes outside a vendor's package that name it; offer what they need as a"
                + " module hook instead (docs/adding-a-vendor.md)").isEmpty();
    }

    /** Subpackages of io.sessionflow.source with a {@code *Module} class of their own. */
    private static List<String> vendorPackages() throws IOException {
        try (Stream<Path> dirs = Files.list(SOURCE)) {
            return dirs.filter(Files::isDirectory).filter(VendorNamedOnlyInItsPackageTest::hasModule)
                    .map(d -> d.getFileName().toString()).sorted().toList();
        }
    }

    private static boolean hasModule(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith("Module.java"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The vendor package a file belongs to (its own or a subpackage of it), or null. */
    private static String vendorOf(Path file) {
        if (!file.startsWith(SOURCE) || file.getParent().equals(SOURCE)) {
            return null;
        }
        return SOURCE.relativize(file).getName(0).toString();
    }
}
