package de.kontor.backup;

import de.kontor.base.error.DomainException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * Puts a backup back: checks it (checksum, a schema this Kontor knows), keeps a safety backup of what is
 * there now, empties the database, loads the dump and lets Flyway migrate it forward when the backup is
 * older than this Kontor. Runs while Kontor is stopped ({@code java -jar kontor.jar restore}), so nothing
 * writes while the tables are replaced.
 */
@Component
class Restorer {

    private static final Logger log = LoggerFactory.getLogger(Restorer.class);

    private final Backups backups;
    private final DatabaseTools tools;

    Restorer(Backups backups, DatabaseTools tools) {
        this.backups = backups;
        this.tools = tools;
    }

    /**
     * Restores {@code file} into {@code target}. {@code flyway} is configured with this Kontor's migrations
     * and points at {@code target}. With a passphrase, the sealed secret key is opened first (a wrong
     * passphrase stops before anything changed) and written to {@code data/secret.key}.
     */
    RestoreResult restore(Path file, char @Nullable [] passphrase, DatabaseTarget target, Flyway flyway) {
        Manifest manifest = BackupArchive.verify(file);
        MigrationVersion newest = newestKnown(flyway);
        MigrationVersion theirs = MigrationVersion.fromVersion(manifest.schemaVersion());
        if (theirs.compareTo(newest) > 0) {
            throw new DomainException(
                    409,
                    "BACKUP_SCHEMA_NEWER",
                    "backup.error.schemaNewer",
                    manifest.schemaVersion(),
                    newest.getVersion());
        }
        byte @Nullable [] key = null;
        if (passphrase != null) {
            byte @Nullable [] sealed = BackupArchive.sealedKey(file);
            if (sealed == null) {
                throw new DomainException(422, "BACKUP_WITHOUT_KEY", "backup.error.noKeyInBackup");
            }
            key = KeySeal.open(sealed, passphrase);
        }
        BackupInfo safety = backups.create(target, flyway, BackupKind.SAFETY, null, "restore", p -> {});
        log.info("Safety backup of the current state: {}", safety.id());
        tools.dropEverything(target);
        try (InputStream dump = BackupArchive.openDump(file)) {
            tools.load(target, dump);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MigrateResult migrated = flyway.migrate();
        boolean keyWritten = false;
        if (key != null) {
            writeKey(key);
            keyWritten = true;
        }
        return new RestoreResult(manifest, safety.id(), migrated.migrationsExecuted, keyWritten);
    }

    private void writeKey(byte[] key) {
        Path file = backups.secretKeyFile();
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file)) {
                byte[] current = Files.readAllBytes(file);
                if (Arrays.equals(current, Base64.getEncoder().encode(key))) {
                    return;
                }
                Files.copy(
                        file,
                        file.resolveSibling("secret.key.before-restore"),
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.COPY_ATTRIBUTES);
            } else {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the restored secret key to " + file, e);
        }
    }

    /** The highest schema version among this Kontor's own migrations. */
    static MigrationVersion newestKnown(Flyway flyway) {
        return Arrays.stream(flyway.info().all())
                .filter(m -> m.getState().isResolved())
                .map(MigrationInfo::getVersion)
                .filter(Objects::nonNull)
                .max(MigrationVersion::compareTo)
                .orElse(MigrationVersion.EMPTY);
    }

    /**
     * @param safetyBackup the backup of the state before the restore
     * @param migrationsApplied migrations run after loading (the backup was older than this Kontor)
     * @param secretKeyRestored whether {@code data/secret.key} was written from the backup
     */
    record RestoreResult(Manifest manifest, String safetyBackup, int migrationsApplied, boolean secretKeyRestored) {}
}
