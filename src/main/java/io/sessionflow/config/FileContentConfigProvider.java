package io.sessionflow.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigData;
import org.apache.kafka.common.config.provider.ConfigProvider;

/**
 * {@code ${file:/path}}: the whole content of a file, its final line break dropped, as secrets are mounted
 * (Docker and Kubernetes secrets). Kafka's FileConfigProvider reads one key of a properties file instead.
 * A file that cannot be read stays an unresolved reference, which {@link References} reports.
 */
final class FileContentConfigProvider implements ConfigProvider {

    @Override
    public ConfigData get(String path) {
        return new ConfigData(Map.of());
    }

    @Override
    public ConfigData get(String path, Set<String> files) {
        Map<String, String> contents = new HashMap<>();
        for (String file : files) {
            try {
                contents.put(file, Files.readString(Path.of(file)).replaceFirst("\\r?\\n$", ""));
            } catch (IOException | RuntimeException unreadable) {
                // left unresolved on purpose: the caller names the reference in its one-line problem
            }
        }
        return new ConfigData(contents);
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public void close() {
    }
}
