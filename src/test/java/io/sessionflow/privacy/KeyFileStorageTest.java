package io.sessionflow.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated IP hash key must outlive a redeploy: on a volume in a container, and compose provides one. */
class KeyFileStorageTest {
    private static final List<String> MOUNTS = List.of(
            "570 493 0:51 / / rw,relatime master:1 - overlay overlay rw,lowerdir=/var/lib/docker/overlay2/l/A",
            "571 570 0:54 / /proc rw,nosuid,nodev,noexec,relatime - proc proc rw",
            "580 570 8:1 /var/lib/docker/volumes/sessionflow-data/_data /app/data rw,relatime - ext4 /dev/sda1 rw",
            "581 570 8:1 /srv/keys /opt/my\\040keys rw,relatime - ext4 /dev/sda1 rw");

    @Test
    void aFileOnTheContainersOwnFileSystemIsLostOnRedeployOneOnAVolumeIsNot() {
        assertThat(KeyFileStorage.lostOnRedeploy(Path.of("/app/data/ip-hash.key"), MOUNTS)).isFalse();
        assertThat(KeyFileStorage.lostOnRedeploy(Path.of("/opt/my keys/ip-hash.key"), MOUNTS)).isFalse();
        assertThat(KeyFileStorage.lostOnRedeploy(Path.of("/app/ip-hash.key"), MOUNTS)).isTrue();
        assertThat(KeyFileStorage.lostOnRedeploy(Path.of("/app/database/ip-hash.key"), MOUNTS))
                .as("a prefix of the name is not the mount").isTrue();
    }

    @Test
    void composeKeepsTheAppsDataFolderWhereTheDefaultKeyFileIsOnANamedVolume() throws Exception {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(Path.of("docker-compose.yml").toFile());
        List<String> mounts = textsOf(compose.path("services").path("sessionflow").path("volumes"));
        assertThat(mounts).as("a volume at the container's data folder").anyMatch(m -> m.endsWith(":/app/data"));
        String volume = mounts.stream().filter(m -> m.endsWith(":/app/data")).findFirst().orElseThrow().split(":")[0];
        assertThat(compose.path("volumes").has(volume)).as("a named volume, kept when the container is replaced")
                .isTrue();
        assertThat(Files.readAllLines(Path.of("Dockerfile"))).as("relative data/ip-hash.key lands in /app/data")
                .contains("WORKDIR /app");
        assertThat(io.sessionflow.config.Settings.from(
                                java.util.Map.of(), new java.util.Properties(), java.util.Map.of())
                        .string("sessionflow.privacy.ip-hash-key-file"))
                .isEqualTo("data/ip-hash.key");
    }

    private static List<String> textsOf(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
