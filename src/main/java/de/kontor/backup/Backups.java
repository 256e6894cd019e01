package de.kontor.backup;

import de.kontor.base.KontorProperties;
import de.kontor.base.error.DomainException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import java.util.regex.Pattern;

/** The backup files in the backup directory: made, listed, found by id, deleted, pruned. */
@Component
class Backups {

    private static final Logger log = LoggerFactory.getLogger(Backups.class);
    private static final Pattern ID = Pattern.compile("kontor-\\d{8}-\\d{6}(-[a-z0-9]+){0,3}");
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final String SUFFIX = ".zip";

    private final BackupProperties properties;
    private final KontorProperties kontor;
    private final DatabaseTools tools;
    private final Clock clock;

    Backups(BackupProperties properties, KontorProperties kontor, DatabaseTools tools, Clock clock) {
        this.properties = properties;
        this.kontor = kontor;
        this.tools = tools;
        this.clock = clock;
    }

    Path directory() {
        Path configured = properties.directory();
        return (configured != null ? configured : kontor.dataDir().resolve("backups"))
                .toAbsolutePath()
                .normalize();
    }

    /**
     * Dumps {@code target} into a new backup file, with the secret key sealed by {@code passphrase} if one is
     * given. Written under a temporary name and renamed when complete, so a list never shows half a backup.
     */
    BackupInfo create(
            DatabaseTarget target,
            Flyway flyway,
            BackupKind kind,
            char @Nullable [] passphrase,
            String createdBy,
            DoubleConsumer progress) {
        byte @Nullable [] sealed = passphrase == null ? null : KeySeal.seal(secretKey(), passphrase);
        Path dir = ensureDirectory();
        Instant now = clock.instant();
        String id = freeId(dir, now, kind);
        Path part = dir.resolve(id + SUFFIX + ".part");
        Path file = dir.resolve(id + SUFFIX);
        String schema = schemaVersion(flyway);
        long estimate = Math.max(1, tools.estimatedSize(target));
        try {
            Manifest manifest = BackupArchive.write(
                    part,
                    out -> tools.dump(target, new Progress(out, estimate, progress)),
                    (sha, bytes) -> new Manifest(
                            Manifest.FORMAT, kontorVersion(), schema, now, kind, sha, bytes, sealed != null, createdBy),
                    sealed);
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
            log.info("Backup {} written ({} bytes of SQL)", file, manifest.dumpBytes());
            return info(file, manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the backup in " + dir + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // nothing left to clean up then
            }
        }
    }

    /** Every complete backup, newest first; files that are not readable backups are left out. */
    List<BackupInfo> list() {
        List<BackupInfo> found = new ArrayList<>();
        for (Path file : files()) {
            try {
                found.add(info(file, BackupArchive.manifest(file)));
            } catch (DomainException unreadable) {
                log.debug("Skipping {}: not a readable backup", file);
            }
        }
        found.sort(Comparator.comparing(BackupInfo::createdAt)
                .thenComparing(BackupInfo::id)
                .reversed());
        return found;
    }

    /**
     * When the newest readable backup in the folder was made. Every round of Kontor's own checks asks, so the
     * files are ordered by the time in their names and only the newest archive is opened (the next one only
     * when it is not a readable backup), not every archive as {@link #list} does.
     */
    Optional<Instant> newest() {
        List<Path> candidates = new ArrayList<>(files());
        // the id starts with its UTC time as yyyyMMdd-HHmmss: ordered by name is ordered by time
        candidates.sort(Comparator.comparing(Backups::idOf).reversed());
        for (Path file : candidates) {
            try {
                return Optional.of(BackupArchive.manifest(file).createdAt());
            } catch (DomainException unreadable) {
                log.debug("Skipping {}: not a readable backup", file);
            }
        }
        return Optional.empty();
    }

    /** The files in the folder named like a complete backup. */
    private List<Path> files() {
        Path dir = directory();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(dir, "kontor-*" + SUFFIX)) {
            for (Path file : found) {
                if (ID.matcher(idOf(file)).matches()) {
                    files.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the backups in " + dir, e);
        }
        return files;
    }

    /** The file of backup {@code id}; 404 for an unknown or malformed id (never a path outside the folder). */
    Path file(String id) {
        if (!ID.matcher(id).matches()) {
            throw notFound(id);
        }
        Path file = directory().resolve(id + SUFFIX);
        if (!Files.isRegularFile(file)) {
            throw notFound(id);
        }
        return file;
    }

    BackupInfo info(String id) {
        Path file = file(id);
        return info(file, BackupArchive.manifest(file));
    }

    void delete(String id) {
        try {
            Files.delete(file(id));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the backup " + id + ": " + e.getMessage(), e);
        }
    }

    /** Deletes all but the newest {@code keep} backups; returns the ids deleted. */
    List<String> prune(int keep) {
        List<BackupInfo> all = list();
        List<String> deleted = new ArrayList<>();
        for (BackupInfo old : all.subList(Math.min(keep, all.size()), all.size())) {
            delete(old.id());
            deleted.add(old.id());
        }
        if (!deleted.isEmpty()) {
            log.info("Deleted old backups {} (keeping the newest {})", deleted, keep);
        }
        return deleted;
    }

    /** This node's secret key: {@code KONTOR_SECRET_KEY}, else {@code <data-dir>/secret.key}. */
    byte[] secretKey() {
        String configured = kontor.secretKey();
        try {
            String text = configured != null && !configured.isBlank() ? configured : Files.readString(secretKeyFile());
            return Base64.getDecoder().decode(text.strip());
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read the secret key to put it into the backup", e);
        }
    }

    Path secretKeyFile() {
        return kontor.dataDir().resolve("secret.key").toAbsolutePath().normalize();
    }

    boolean secretKeyFromEnvironment() {
        String configured = kontor.secretKey();
        return configured != null && !configured.isBlank();
    }

    static String schemaVersion(Flyway flyway) {
        MigrationInfo current = flyway.info().current();
        return current == null || current.getVersion() == null
                ? "0"
                : current.getVersion().getVersion();
    }

    static String kontorVersion() {
        String version = Backups.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    private Path ensureDirectory() {
        Path dir = directory();
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                try {
                    // a backup holds every password hash and customer: for Kontor's user only
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                } catch (UnsupportedOperationException notPosix) {
                    // other systems: the folder's inherited rights apply
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the backup folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String freeId(Path dir, Instant now, BackupKind kind) {
        String base = "kontor-" + STAMP.format(now)
                + (kind == BackupKind.MANUAL ? "" : "-" + kind.name().toLowerCase(Locale.ROOT));
        String id = base;
        for (int n = 2;
                Files.exists(dir.resolve(id + SUFFIX)) || Files.exists(dir.resolve(id + SUFFIX + ".part"));
                n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private static BackupInfo info(Path file, Manifest manifest) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            size = 0;
        }
        return new BackupInfo(
                idOf(file),
                manifest.createdAt(),
                manifest.kind(),
                size,
                manifest.kontorVersion(),
                manifest.schemaVersion(),
                manifest.secretKeyIncluded(),
                manifest.createdBy() == null ? "" : manifest.createdBy());
    }

    private static String idOf(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name;
    }

    private static DomainException notFound(String id) {
        return DomainException.notFound("BACKUP_NOT_FOUND", "backup.error.notFound", id);
    }

    /** Reports the bytes dumped so far against the estimate (never quite 1 before the end). */
    private static final class Progress extends FilterOutputStream {
        private final long estimate;
        private final DoubleConsumer progress;
        private long written;
        private long reported;

        Progress(OutputStream out, long estimate, DoubleConsumer progress) {
            super(out);
            this.estimate = estimate;
            this.progress = progress;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            written += len;
            if (written - reported > 256 * 1024) {
                reported = written;
                progress.accept(Math.min(0.95, (double) written / estimate));
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }
    }
}
