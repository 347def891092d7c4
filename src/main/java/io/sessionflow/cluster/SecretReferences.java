package io.sessionflow.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A secret stored with an account is a reference, resolved on each instance as Kafka Connect's config providers do:
 * {@code ${env:NAME}} (an environment variable) or {@code ${file:/path}} (a file's whole content, trailing line break
 * removed, as container secrets are mounted). The value itself never sits in Kafka.
 */
public final class SecretReferences {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|file):([^}]+)}");

    private final Function<String, String> environment;

    public SecretReferences(Function<String, String> environment) {
        this.environment = environment;
    }

    public static SecretReferences ofThisProcess() {
        Map<String, String> env = System.getenv();
        return new SecretReferences(env::get);
    }

    public static boolean isReference(String value) {
        return value != null && REFERENCE.matcher(value.strip()).matches();
    }

    /** @throws IllegalArgumentException naming the reference (never a value) when it cannot be resolved here */
    public String resolve(String reference) {
        Matcher m = REFERENCE.matcher(reference.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a secret reference: use ${env:NAME} or ${file:/path}");
        }
        String where = m.group(2);
        if (m.group(1).equals("env")) {
            String value = environment.apply(where);
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException("environment variable " + where + " is not set on this instance");
            }
            return value;
        }
        try {
            String value = Files.readString(Path.of(where), StandardCharsets.UTF_8);
            return value.endsWith("\n") ? value.substring(0, value.length() - 1).stripTrailing() : value;
        } catch (IOException e) {
            throw new IllegalArgumentException("secret file " + where + " cannot be read on this instance: "
                    + e.getClass().getSimpleName());
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException("secret file " + where + " cannot be read on this instance");
        }
    }
}
