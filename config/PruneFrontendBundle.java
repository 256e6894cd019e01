import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Removes the hashed frontend files of the production build that the page never loads.
 * <p>
 * Vaadin's prebuilt production bundle ships several generations of its hashed scripts side by side; the
 * build copies all of them, and only the one named in {@code config/stats.json} ("entryScripts") and
 * {@code index.html} is used. Starting there, this follows every file name a kept script or style sheet
 * mentions and deletes the scripts and style sheets (with their compressed copies) that nothing reaches.
 * Other files are left alone.
 * <p>
 * Run by the production profile: {@code java config/PruneFrontendBundle.java <classes>/META-INF/VAADIN}.
 */
public class PruneFrontendBundle {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]+\\.(?:js|css)");

    public static void main(String[] args) throws IOException {
        Path vaadin = Path.of(args[0]);
        Path webapp = vaadin.resolve("webapp");
        Path build = webapp.resolve("VAADIN/build");
        if (!Files.isDirectory(build)) {
            System.out.println("No production bundle at " + build + "; nothing to prune.");
            return;
        }
        Set<String> files = new HashSet<>();
        try (Stream<Path> list = Files.list(build)) {
            list.filter(Files::isRegularFile).forEach(p -> files.add(p.getFileName().toString()));
        }
        Deque<String> pending = new ArrayDeque<>();
        for (Path start : List.of(vaadin.resolve("config/stats.json"), webapp.resolve("index.html"))) {
            if (Files.exists(start)) {
                names(Files.readString(start, StandardCharsets.UTF_8), files, pending);
            }
        }
        if (pending.isEmpty()) {
            throw new IllegalStateException("No entry script of the bundle found; refusing to prune " + build);
        }
        Set<String> reached = new HashSet<>();
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (reached.add(name)) {
                names(Files.readString(build.resolve(name), StandardCharsets.ISO_8859_1), files, pending);
            }
        }
        long freed = 0;
        int removed = 0;
        for (String name : files) {
            String plain = name.replaceFirst("\\.(br|gz)$", "");
            boolean script = plain.endsWith(".js") || plain.endsWith(".css");
            if (script && !reached.contains(plain)) {
                Path file = build.resolve(name);
                freed += Files.size(file);
                Files.delete(file);
                removed++;
            }
        }
        System.out.printf(
                "Frontend bundle: kept %d scripts and style sheets, removed %d unused files (%.1f MiB)%n",
                reached.size(), removed, freed / 1024.0 / 1024.0);
    }

    private static void names(String text, Set<String> files, Deque<String> pending) {
        Matcher m = NAME.matcher(text);
        while (m.find()) {
            String candidate = m.group();
            int slash = candidate.lastIndexOf('/');
            String name = slash < 0 ? candidate : candidate.substring(slash + 1);
            if (files.contains(name)) {
                pending.push(name);
            }
        }
    }
}
