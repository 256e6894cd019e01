package de.kontor.agent.ops;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code logs}: the journal through {@code journalctl} (unit, priority, time range, text filter, number of
 * lines) and text files under the allowed log roots ({@code logs:/var/log:/srv/app/log}; {@code /var/log}
 * when none is given): list them and read their last lines. Paths are resolved with their symbolic links
 * before they are compared with the roots, so neither {@code ..} nor a link leads out.
 */
public final class LogsCapability implements Capability {

    static final Set<String> PRIORITIES = Set.of(
            "emerg", "alert", "crit", "err", "warning", "notice", "info", "debug", "0", "1", "2", "3", "4", "5", "6",
            "7");
    private static final Pattern TIME = Pattern.compile("[0-9A-Za-z :+\\-]{1,40}");
    private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9=;_\\-]{1,500}");
    private static final String CURSOR_LINE = "-- cursor: ";
    private static final int MAX_LINES = 5000;
    private static final long TAIL_BYTES = 4L * 1024 * 1024;

    private final Tools tools;
    private final List<Path> roots;

    public LogsCapability(Tools tools, List<Path> roots) {
        this.tools = tools;
        this.roots = roots.isEmpty() ? List.of(Path.of("/var/log")) : List.copyOf(roots);
    }

    /** A log file under a root. */
    public record LogFile(String path, long size, String modified) {}

    /** Where a file's lines were read up to: the {@code from} of the next {@code tail} that follows it. */
    public record TailPosition(long from) {}

    /** Where the journal's lines were read up to: the {@code cursor} of the next {@code journal} that follows it. */
    public record JournalPosition(String cursor) {}

    @Override
    public String name() {
        return "logs";
    }

    @Override
    public OperationResult run(Operation operation) throws Exception {
        return switch (operation.action()) {
            case "journal" -> journal(operation);
            case "files" -> OperationResult.data(files());
            case "tail" -> tail(operation);
            default ->
                throw new OperationRefusedException(
                        "logs: unknown action " + operation.action() + " (journal, files, tail)");
        };
    }

    private OperationResult journal(Operation operation) throws Exception {
        int lines = Names.number(name(), "lines", operation.argument("lines", "200"), 1, MAX_LINES);
        List<String> args = new ArrayList<>(List.of("--no-pager", "--output=short-iso", "--lines=" + lines));
        String unit = operation.argument("unit", operation.target()).strip();
        if (!unit.isEmpty()) {
            args.add("--unit=" + Names.unit(name(), unit));
        }
        String priority = operation.argument("priority", "").strip().toLowerCase(Locale.ROOT);
        if (!priority.isEmpty()) {
            if (!PRIORITIES.contains(priority)) {
                throw new OperationRefusedException("logs: unknown priority " + priority + " (emerg ... debug)");
            }
            args.add("--priority=" + priority);
        }
        for (String bound : List.of("since", "until")) {
            String value = operation.argument(bound, "").strip();
            if (!value.isEmpty()) {
                if (!TIME.matcher(value).matches()) {
                    throw new OperationRefusedException("logs: not a time for " + bound + ": " + value);
                }
                args.add("--" + bound + "=" + value);
            }
        }
        String cursor = operation.argument("cursor", "").strip();
        boolean follow = !cursor.isEmpty() || operation.argument("follow", "").equals("true");
        if (!cursor.isEmpty()) {
            if (!CURSOR.matcher(cursor).matches()) {
                throw new OperationRefusedException("logs: not a journal cursor: " + cursor);
            }
            args.add("--after-cursor=" + cursor);
        }
        if (follow) {
            args.add("--show-cursor");
        }
        String filter = operation.argument("filter", "");
        if (!filter.isBlank()) {
            // one argument: journalctl reads it as a pattern, no shell ever sees it
            args.add("--grep=" + filter);
            args.add("--case-sensitive=false");
        }
        Tools.Run run = tools.run("journalctl", args);
        // journalctl --grep exits 1 when nothing matched
        String output = run.output();
        JournalPosition position = null;
        int at = output.lastIndexOf(CURSOR_LINE);
        if (follow && at >= 0 && (at == 0 || output.charAt(at - 1) == '\n')) {
            position = new JournalPosition(
                    output.substring(at + CURSOR_LINE.length()).strip());
            output = output.substring(0, at);
        } else if (follow && !cursor.isEmpty()) {
            // nothing new: journalctl prints no cursor then, so the next read starts at the same place
            position = new JournalPosition(cursor);
        }
        boolean nothing =
                run.exitCode() == 1 && !filter.isBlank() && output.strip().isEmpty();
        return new OperationResult(nothing ? 0 : run.exitCode(), output, position);
    }

    private List<LogFile> files() throws IOException {
        List<LogFile> files = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root, 4)) {
                walk.filter(Files::isRegularFile)
                        .filter(Files::isReadable)
                        .limit(2000)
                        .forEach(p -> {
                            try {
                                files.add(new LogFile(
                                        p.toString(),
                                        Files.size(p),
                                        Files.getLastModifiedTime(p).toString()));
                            } catch (IOException e) {
                                // vanished or unreadable meanwhile: not listed
                            }
                        });
            } catch (IOException | RuntimeException e) {
                // a directory that cannot be read in full is listed as far as it could
            }
        }
        return files;
    }

    private OperationResult tail(Operation operation) throws IOException {
        Path file = inRoots(operation.target());
        int lines = Names.number(name(), "lines", operation.argument("lines", "200"), 1, MAX_LINES);
        String filter = operation.argument("filter", "").toLowerCase(Locale.ROOT);
        String from = operation.argument("from", "").strip();
        if (!from.isEmpty()) {
            return follow(file, from, filter);
        }
        Deque<String> last = new ArrayDeque<>();
        long size;
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            size = in.length();
            long start = Math.max(0, size - TAIL_BYTES);
            in.seek(start);
            byte[] bytes = new byte[(int) (size - start)];
            in.readFully(bytes);
            String[] all = new String(bytes, StandardCharsets.UTF_8).split("\n");
            for (int i = start > 0 ? 1 : 0; i < all.length; i++) {
                if (filter.isEmpty() || all[i].toLowerCase(Locale.ROOT).contains(filter)) {
                    last.addLast(all[i]);
                    if (last.size() > lines) {
                        last.removeFirst();
                    }
                }
            }
        }
        return new OperationResult(0, String.join("\n", last), new TailPosition(size));
    }

    /**
     * The whole lines written since {@code from} (at most {@link #TAIL_BYTES} at once; a line still being
     * written waits for the next call). A file shorter than {@code from} was rotated or truncated: it is
     * read from its start.
     */
    private OperationResult follow(Path file, String from, String filter) throws IOException {
        long offset;
        try {
            offset = Long.parseLong(from);
        } catch (NumberFormatException e) {
            throw new OperationRefusedException("logs: 'from' must be a byte position, not " + from);
        }
        if (offset < 0) {
            throw new OperationRefusedException("logs: 'from' must not be negative");
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long size = in.length();
            if (offset > size) {
                offset = 0;
            }
            byte[] bytes = new byte[(int) Math.min(size - offset, TAIL_BYTES)];
            in.seek(offset);
            in.readFully(bytes);
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') {
                end--;
            }
            List<String> lines = new ArrayList<>();
            for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n", -1)) {
                if (!line.isEmpty()
                        && (filter.isEmpty() || line.toLowerCase(Locale.ROOT).contains(filter))) {
                    lines.add(line);
                }
            }
            return new OperationResult(0, String.join("\n", lines), new TailPosition(offset + end));
        }
    }

    /** The real path of the target, if it lies under one of the roots' real paths. */
    Path inRoots(String target) throws IOException {
        if (target.isBlank()) {
            throw new OperationRefusedException("logs: which file? The target is empty");
        }
        Path real;
        try {
            real = Path.of(target).toRealPath();
        } catch (NoSuchFileException e) {
            throw new OperationRefusedException("logs: no such file: " + target);
        }
        for (Path root : roots) {
            if (Files.exists(root) && real.startsWith(root.toRealPath()) && Files.isRegularFile(real)) {
                return real;
            }
        }
        throw new OperationRefusedException("logs: " + target + " is not a file under the allowed log roots " + roots);
    }
}
