package io.sessionflow.privacy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Whether a file outlives a redeploy. In a container only a volume or bind mount does: the container's own file
 * system is the image's, replaced on every redeploy. Read from {@code /proc/self/mountinfo} (field 5 is the mount
 * point): a file whose deepest covering mount is {@code /} lives on the container's own file system.
 */
final class KeyFileStorage {
    private KeyFileStorage() {
    }

    static boolean lostOnRedeploy(Path file) {
        boolean container = Files.exists(Path.of("/.dockerenv")) || Files.exists(Path.of("/run/.containerenv"));
        try {
            return container && lostOnRedeploy(file, Files.readAllLines(Path.of("/proc/self/mountinfo")));
        } catch (IOException e) {
            return false; // no mount table to read: not a Linux container
        }
    }

    /** @param mountinfo the lines of {@code /proc/self/mountinfo} of a container */
    static boolean lostOnRedeploy(Path file, List<String> mountinfo) {
        Path absolute = file.toAbsolutePath().normalize();
        String deepest = "/";
        for (String line : mountinfo) {
            String[] fields = line.split(" ");
            if (fields.length > 4) {
                String mountPoint = fields[4].replace("\\040", " ");
                if (absolute.startsWith(mountPoint) && mountPoint.length() > deepest.length()) {
                    deepest = mountPoint;
                }
            }
        }
        return deepest.equals("/");
    }
}
