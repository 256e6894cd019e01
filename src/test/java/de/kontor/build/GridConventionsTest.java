package de.kontor.build;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every grid shows how many rows it has and says what to do when it has none: each class that creates a
 * grid hands it to {@code Grids.counted(grid, emptyText)} (which sets both), and nothing sets an empty
 * text past it.
 */
class GridConventionsTest {

    private static final Path MAIN = Path.of("src/main/java");

    static int count(String source, Pattern pattern) {
        Matcher m = pattern.matcher(source);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    static List<String> uncounted(Path root) throws IOException {
        Pattern created = Pattern.compile("new Grid<");
        Pattern counted = Pattern.compile("Grids\\.counted\\(");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                if (file.endsWith(Path.of("base/ui/Grids.java"))) {
                    continue;
                }
                int grids = count(source, created);
                if (grids > count(source, counted)) {
                    offenders.add(file + ": " + grids + " grid(s) without Grids.counted");
                }
                if (source.contains(".setEmptyStateText(")) {
                    offenders.add(file + ": sets an empty text itself instead of Grids.counted");
                }
            }
        }
        return offenders;
    }

    @Test
    void everyGridShowsItsRowCountAndAnEmptyText() throws IOException {
        assertThat(uncounted(MAIN.resolve("de/kontor"))).isEmpty();
    }

    @Test
    void aGridWithoutCountIsFound(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("Plain.java"), "class Plain { Grid<String> g = new Grid<>(); }");
        Files.writeString(
                dir.resolve("Counted.java"),
                "class Counted { Grid<String> g = new Grid<>(); { Grids.counted(g, \"none\"); } }");
        Files.writeString(
                dir.resolve("Own.java"),
                "class Own { Grid<String> g = new Grid<>(); { Grids.counted(g, \"x\"); g.setEmptyStateText(\"y\"); } }");
        assertThat(uncounted(dir))
                .hasSize(2)
                .anyMatch(s -> s.contains("Plain.java"))
                .anyMatch(s -> s.contains("Own.java"))
                .noneMatch(s -> s.contains("Counted.java"));
    }
}
