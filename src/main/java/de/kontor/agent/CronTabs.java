package de.kontor.agent;

import de.kontor.agent.StorageFacts.CronJob;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cron jobs from the files cron reads: the system crontab and {@code /etc/cron.d} (with a user column),
 * and the user crontabs in the spool ({@code /var/spool/cron/crontabs} on Debian, {@code /var/spool/cron}
 * on Fedora; the file name is the user). The spool is usually readable by root only: what the agent may
 * not read is named, not an error.
 */
final class CronTabs {

    private static final Pattern VARIABLE = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*\\s*=.*");
    private static final int MAX_JOBS = 500;

    private final Path root;
    private final List<String> unreadable = new ArrayList<>();
    private final List<CronJob> jobs = new ArrayList<>();

    /** @param root the host's root directory ({@code /}, or where it is mounted) */
    CronTabs(Path root) {
        this.root = root;
    }

    /** Reads all places; afterwards {@link #jobs()} and {@link #unreadable()}. */
    CronTabs read() {
        system(root.resolve("etc/crontab"));
        for (Path file : files(root.resolve("etc/cron.d"))) {
            // cron skips names with dots (package backups such as foo.dpkg-old)
            if (!file.getFileName().toString().contains(".")) {
                system(file);
            }
        }
        Path debian = root.resolve("var/spool/cron/crontabs");
        for (Path file : files(Files.isDirectory(debian) ? debian : root.resolve("var/spool/cron"))) {
            user(file);
        }
        return this;
    }

    List<CronJob> jobs() {
        return jobs;
    }

    /** Places that exist but the agent may not read, with the reason. */
    List<String> unreadable() {
        return unreadable;
    }

    private List<Path> files(Path dir) {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry)
                        && !entry.getFileName().toString().startsWith(".")) {
                    files.add(entry);
                }
            }
        } catch (IOException e) {
            unreadable.add(shown(dir) + " (" + reason(e) + ")");
        }
        files.sort(null);
        return files;
    }

    private void system(Path file) {
        for (String[] fields : entries(file, 7)) {
            add(file, fields[0], fields[1], fields[2]);
        }
    }

    private void user(Path file) {
        String user = file.getFileName().toString();
        for (String[] fields : entries(file, 6)) {
            add(file, user, fields[1], fields[2]);
        }
    }

    private void add(Path file, String user, String schedule, String command) {
        if (jobs.size() < MAX_JOBS) {
            jobs.add(new CronJob(shown(file), user, schedule, command));
        }
    }

    /**
     * The job lines of a file as {user, schedule, command}; the user is empty for user crontabs.
     *
     * @param fields how many fields a line with five time fields has (7 with a user column, 6 without)
     */
    private List<String[]> entries(Path file, int fields) {
        List<String[]> entries = new ArrayList<>();
        if (!Files.exists(file)) {
            return entries;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            unreadable.add(shown(file) + " (" + reason(e) + ")");
            return entries;
        }
        boolean withUser = fields == 7;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || VARIABLE.matcher(line).matches()) {
                continue;
            }
            boolean shorthand = line.startsWith("@");
            int timeFields = shorthand ? 1 : 5;
            String[] parts = line.split("\\s+", timeFields + (withUser ? 2 : 1));
            if (parts.length < timeFields + (withUser ? 2 : 1)) {
                continue;
            }
            String schedule = String.join(" ", List.of(parts).subList(0, timeFields));
            String user = withUser ? parts[timeFields] : "";
            entries.add(new String[] {user, schedule, parts[parts.length - 1]});
        }
        return entries;
    }

    private static String reason(IOException e) {
        return e instanceof AccessDeniedException
                ? "permission denied"
                : e.getClass().getSimpleName();
    }

    /** The path as the host knows it. */
    private String shown(Path path) {
        return "/" + root.relativize(path);
    }
}
