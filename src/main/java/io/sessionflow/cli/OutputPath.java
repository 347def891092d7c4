package io.sessionflow.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks a file or folder to write before anything starts, so a typo in a path is one line, not a stack trace. */
public final class OutputPath {
    private OutputPath() {
    }

    public static Path file(String option, Path file) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(option + " " + file + " is a folder, not a file");
        }
        parent(option, file);
        return file;
    }

    public static Path folder(String option, Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(option + " " + dir + " is a file, not a folder");
        }
        parent(option, dir);
        return dir;
    }

    private static void parent(String option, Path path) {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IllegalArgumentException(option + " " + path + ": folder " + parent + " does not exist");
        }
        if (parent != null && !Files.isWritable(parent)) {
            throw new IllegalArgumentException(option + " " + path + ": folder " + parent + " is not writable");
        }
    }
}
