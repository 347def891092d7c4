package io.sessionflow.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.apache.kafka.common.config.ConfigTransformer;
import org.apache.kafka.common.config.provider.ConfigProvider;
import org.apache.kafka.common.config.provider.EnvVarConfigProvider;

/**
 * Secrets as references, Kafka Connect's config-provider convention: {@code ${env:NAME}} is an environment
 * variable, {@code ${file:/path}} a file's content (a mounted secret). Kafka's own {@link ConfigTransformer} and
 * {@link EnvVarConfigProvider} resolve them. Problems name the reference, never a resolved value.
 */
public final class References {
    private References() {
    }

    /** True when the text holds at least one reference. */
    public static boolean in(String value) {
        return value != null && ConfigTransformer.DEFAULT_PATTERN.matcher(value).find();
    }

    /**
     * @param origin what the values come from, for the problems (e.g. the file name)
     * @throws IllegalArgumentException with one line per reference that cannot be resolved
     */
    public static Map<String, String> resolve(Map<String, String> values, Map<String, String> env, String origin) {
        EnvVarConfigProvider environment = new EnvVarConfigProvider(env);
        environment.configure(Map.of());
        Map<String, ConfigProvider> providers = Map.of("env", environment, "file", new FileContentConfigProvider());
        Map<String, String> transformed = new ConfigTransformer(providers).transform(values).data();
        Map<String, String> resolved = new LinkedHashMap<>();
        values.keySet().forEach(key -> resolved.put(key, transformed.get(key)));
        List<String> problems = new ArrayList<>();
        resolved.forEach((key, value) -> {
            Matcher left = ConfigTransformer.DEFAULT_PATTERN.matcher(value);
            while (left.find()) {
                problems.add(origin + ": " + key + " refers to " + left.group() + ", which "
                        + switch (left.group(1)) {
                            case "env" -> "is not set";
                            case "file" -> "cannot be read";
                            default -> "is not a known reference (use ${env:NAME} or ${file:/path})";
                        });
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(System.lineSeparator(), problems));
        }
        return resolved;
    }
}
