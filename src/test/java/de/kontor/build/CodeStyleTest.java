package de.kontor.build;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules of the code's shape that neither the compiler nor the formatter checks: packages say what they
 * are for, names are imported rather than written out in full, classes stay small enough to read, and
 * texts describe the thing rather than the work item it came from.
 */
class CodeStyleTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Path TEST = Path.of("src/test/java");

    /** A package-qualified type name in code: {@code java.util.List}, {@code org.foo.Bar.baz()}. */
    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w.])((?:java|javax|jakarta|org|com|de|ch|io|net|dev)(?:\\.[a-z0-9_]+)+)\\.([A-Z]\\w*)");

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)\\s*;", Pattern.MULTILINE);

    /** Longest a class in src/main may be without saying why in its comment. */
    private static final int MAX_LINES = 500;

    /**
     * Classes that are still too long and are being split into package-private workers behind their
     * module's front service. Remove an entry when its class is split; never add one.
     */
    private static final Set<String> BEING_SPLIT = Set.of();

    /** Says in the class comment why a class is longer than {@link #MAX_LINES}. */
    private static final String LONG_CLASS_REASON = "Why this class is long:";

    @Test
    void everyPackageHasAPackageInfoThatSaysWhatItIsForAndIsNullMarked() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> dirs = Files.walk(MAIN.resolve("de/kontor"))) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                if (!containsJava(dir)) {
                    continue;
                }
                Path info = dir.resolve("package-info.java");
                if (!Files.exists(info)) {
                    problems.add(dir + ": no package-info.java");
                    continue;
                }
                String text = Files.readString(info);
                if (!text.contains("@NullMarked")) {
                    problems.add(info + ": not @NullMarked");
                }
                if (!text.matches("(?s)\\s*/\\*\\*.*?\\w{3,}.*?\\*/.*")) {
                    problems.add(info + ": no comment saying what the package is for");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void typesAreImportedNotWrittenOutInFull() {
        List<String> problems = new ArrayList<>();
        for (Path file : javaFiles(MAIN, TEST)) {
            String source = read(file);
            String code = codeOnly(source);
            Map<String, String> imported = new HashMap<>();
            Matcher im = IMPORT.matcher(source);
            while (im.find()) {
                if (im.group(1) == null) {
                    String full = im.group(2);
                    imported.put(full.substring(full.lastIndexOf('.') + 1), full);
                }
            }
            Set<String> samePackage = simpleNamesIn(file.getParent());
            Matcher m = QUALIFIED.matcher(code);
            while (m.find()) {
                String line = lineAt(code, m.start());
                if (line.strip().startsWith("import ") || line.strip().startsWith("package ")) {
                    continue;
                }
                String simple = m.group(2);
                String full = m.group(1) + "." + simple;
                boolean clash =
                        (imported.containsKey(simple) && !imported.get(simple).equals(full))
                                || (samePackage.contains(simple)
                                        && !file.getParent().endsWith(m.group(1).replace('.', '/')))
                                || declares(code, simple);
                if (!clash) {
                    problems.add(file + ": " + full + " (import it)");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void classesInMainStaySmallOrSayWhyNot() {
        List<String> problems = new ArrayList<>();
        for (Path file : javaFiles(MAIN)) {
            String source = read(file);
            long lines = source.lines().count();
            boolean beingSplit = BEING_SPLIT.stream().anyMatch(file::endsWith);
            if (lines > MAX_LINES && !source.contains(LONG_CLASS_REASON) && !beingSplit) {
                problems.add(file + ": " + lines + " lines");
            }
        }
        assertThat(problems)
                .as("split these into classes named after what they do, or say in the class comment \""
                        + LONG_CLASS_REASON + " ...\"")
                .isEmpty();
    }

    @Test
    void codeAndDocsDescribeTheThingNotTheWorkItem() throws IOException {
        Pattern workItem = Pattern.compile("(?i)\\b(issue|ticket)\\s*#?\\d+|\\(#\\d+\\)|goal \\(issue\\)");
        List<Path> files = new ArrayList<>(javaFiles(MAIN));
        for (String dir : List.of("docs", "bench")) {
            try (Stream<Path> s = Files.walk(Path.of(dir))) {
                s.filter(Files::isRegularFile)
                        .filter(p -> p.toString().matches(".*\\.(md|sh|java|lua|txt)$"))
                        .forEach(files::add);
            }
        }
        files.add(Path.of("README.md"));
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            String text = read(file);
            Matcher m = workItem.matcher(text);
            while (m.find()) {
                problems.add(file + ": \"" + lineAt(text, m.start()).strip() + "\"");
            }
        }
        assertThat(problems).isEmpty();
    }

    private static boolean declares(String code, String simple) {
        return Pattern.compile("\\b(class|interface|enum|record)\\s+" + simple + "\\b")
                .matcher(code)
                .find();
    }

    private static Set<String> simpleNamesIn(Path dir) {
        Set<String> names = new HashSet<>();
        for (Path root : List.of(MAIN, TEST)) {
            Path rel = (dir.startsWith(MAIN) ? MAIN : TEST).relativize(dir);
            Path counterpart = root.resolve(rel);
            if (Files.isDirectory(counterpart)) {
                try (Stream<Path> s = Files.list(counterpart)) {
                    s.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".java"))
                            .forEach(n -> names.add(n.substring(0, n.length() - 5)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return names;
    }

    private static boolean containsJava(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> p.toString().endsWith(".java") && !p.endsWith("package-info.java"));
        }
    }

    private static List<Path> javaFiles(Path... roots) {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String lineAt(String text, int index) {
        int start = text.lastIndexOf('\n', index) + 1;
        int end = text.indexOf('\n', index);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    /** The source with comments and string and character literals blanked out (line breaks kept). */
    static String codeOnly(String source) {
        StringBuilder out = new StringBuilder(source);
        int i = 0;
        int n = source.length();
        while (i < n) {
            int end;
            if (source.startsWith("//", i)) {
                end = source.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (source.startsWith("/*", i)) {
                end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                char quote = source.charAt(i);
                end = i + 1;
                while (end < n && source.charAt(end) != quote) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, n);
            } else {
                i++;
                continue;
            }
            for (int k = i; k < end; k++) {
                if (out.charAt(k) != '\n') {
                    out.setCharAt(k, ' ');
                }
            }
            i = end;
        }
        return out.toString();
    }
}
