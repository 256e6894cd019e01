package de.kontor.backup;

import de.kontor.IntegrationTest;
import de.kontor.base.db.EmbeddedMariaDb;
import de.kontor.base.error.DomainException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The restore path end to end with the real tools, in scratch databases of the test's embedded MariaDB (the
 * shared test database stays untouched): a round trip, an older backup migrated forward, and the refusals.
 */
class BackupRestoreTest extends IntegrationTest {

    @Autowired
    Backups backups;

    @Autowired
    Restorer restorer;

    @Autowired
    DatabaseTools tools;

    @Autowired
    Flyway kontorFlyway;

    @Autowired
    JdbcClient jdbc;

    private final List<String> scratch = new ArrayList<>();

    @AfterEach
    void dropScratchDatabases() {
        for (String db : scratch) {
            jdbc.sql("drop database if exists `" + db + "`").update();
        }
    }

    @Test
    void aRestoredDatabaseEqualsTheBackupAndLaterChangesAreGone() {
        DatabaseTarget target = scratchDatabase();
        Flyway flyway = flyway(target, null);
        flyway.migrate();
        JdbcClient db = client(target);
        db.sql("create table probe (id int primary key, name varchar(50))").update();
        db.sql("insert into probe values (1, 'Müller'), (2, 'kept')").update();

        BackupInfo backup = backups.create(target, flyway, BackupKind.MANUAL, null, "test", p -> {});

        db.sql("update probe set name = 'changed' where id = 1").update();
        db.sql("delete from probe where id = 2").update();
        db.sql("insert into probe values (3, 'added later')").update();
        db.sql("create table added_later (id int)").update();

        Restorer.RestoreResult result = restorer.restore(backups.file(backup.id()), null, target, flyway);

        assertThat(db.sql("select concat(id, '=', name) from probe order by id")
                        .query(String.class)
                        .list())
                .containsExactly("1=Müller", "2=kept");
        assertThat(tables(db)).doesNotContain("added_later");
        assertThat(result.migrationsApplied()).isZero();
        assertThat(Backups.schemaVersion(flyway)).isEqualTo(backup.schemaVersion());
        // the state the restore replaced was kept, with the changes in it
        Path safety = backups.file(result.safetyBackup());
        assertThat(BackupArchive.manifest(safety).kind()).isEqualTo(BackupKind.SAFETY);
        assertThat(dumpText(safety)).contains("added later").contains("added_later");
    }

    @Test
    void anOlderBackupIsMigratedForwardAfterLoading() {
        DatabaseTarget target = scratchDatabase();
        Flyway old = flyway(target, "063");
        old.migrate();
        Flyway current = flyway(target, null);
        BackupInfo backup = backups.create(target, current, BackupKind.MANUAL, null, "test", p -> {});
        assertThat(backup.schemaVersion()).isEqualTo("063");
        current.migrate();

        Restorer.RestoreResult result = restorer.restore(backups.file(backup.id()), null, target, current);

        assertThat(result.migrationsApplied()).isPositive();
        assertThat(Backups.schemaVersion(current))
                .isEqualTo(Restorer.newestKnown(current).getVersion())
                .isEqualTo(Backups.schemaVersion(kontorFlyway));
    }

    @Test
    void aBackupOfANewerSchemaIsRefusedBeforeAnythingChanges() throws Exception {
        DatabaseTarget target = scratchDatabase();
        Flyway flyway = flyway(target, null);
        flyway.migrate();
        JdbcClient db = client(target);
        db.sql("create table probe (id int primary key)").update();
        Path file = Files.createTempFile(backups.directory(), "kontor-newer", ".zip");
        BackupArchive.write(
                file,
                out -> write(out, "drop table probe;\n"),
                (sha, bytes) -> new Manifest(
                        Manifest.FORMAT, "9.9.9", "999", Instant.now(), BackupKind.MANUAL, sha, bytes, false, "test"),
                null);
        int before = backups.list().size();

        assertThatThrownBy(() -> restorer.restore(file, null, target, flyway))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("BACKUP_SCHEMA_NEWER"));

        assertThat(tables(db)).contains("probe");
        assertThat(backups.list()).hasSize(before);
        Files.delete(file);
    }

    @Test
    void aCorruptedBackupIsRefusedBeforeAnythingChanges() throws Exception {
        DatabaseTarget target = scratchDatabase();
        Flyway flyway = flyway(target, null);
        flyway.migrate();
        JdbcClient db = client(target);
        db.sql("create table probe (id int primary key)").update();
        BackupInfo backup = backups.create(target, flyway, BackupKind.MANUAL, null, "test", p -> {});
        Path original = backups.file(backup.id());
        Path tampered = Files.createTempFile(backups.directory(), "kontor-tampered", ".zip");
        try (ZipFile in = new ZipFile(original.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tampered))) {
            for (ZipEntry entry : in.stream().toList()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                byte[] content = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals(BackupArchive.DUMP)) {
                    content = (new String(content, StandardCharsets.UTF_8) + "drop table probe;\n")
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.write(content);
                out.closeEntry();
            }
        }

        assertThatThrownBy(() -> restorer.restore(tampered, null, target, flyway))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("BACKUP_CHECKSUM_MISMATCH"));
        Files.write(tampered, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> restorer.restore(tampered, null, target, flyway))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).startsWith("BACKUP_"));

        assertThat(tables(db)).contains("probe");
        Files.delete(tampered);
    }

    @Test
    void theSecretKeyTravelsSealedAndOnlyTheRightPassphraseOpensIt() {
        DatabaseTarget target = scratchDatabase();
        Flyway flyway = flyway(target, null);
        flyway.migrate();
        char[] passphrase = "correct horse battery".toCharArray();

        BackupInfo backup = backups.create(target, flyway, BackupKind.MANUAL, passphrase, "test", p -> {});

        assertThat(backup.secretKeyIncluded()).isTrue();
        byte[] sealed = BackupArchive.sealedKey(backups.file(backup.id()));
        assertThat(sealed).isNotNull();
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1))
                .doesNotContain(new String(backups.secretKey(), StandardCharsets.ISO_8859_1));
        assertThat(KeySeal.open(sealed, passphrase)).isEqualTo(backups.secretKey());
        assertThatThrownBy(() ->
                        restorer.restore(backups.file(backup.id()), "wrong passphrase!".toCharArray(), target, flyway))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("PASSPHRASE_WRONG"));
    }

    private DatabaseTarget scratchDatabase() {
        String name = EmbeddedMariaDb.SCRATCH_PREFIX
                + Long.toString(System.nanoTime(), 36).toLowerCase(Locale.ROOT);
        jdbc.sql("create database `" + name + "` character set utf8mb4 collate utf8mb4_unicode_ci")
                .update();
        scratch.add(name);
        return tools.kontorDatabase().withDatabase(name);
    }

    private Flyway flyway(DatabaseTarget target, String version) {
        var config = Flyway.configure(getClass().getClassLoader())
                .configuration(kontorFlyway.getConfiguration())
                .dataSource(target.jdbcUrl(), target.user(), target.password());
        if (version != null) {
            config.target(version);
        }
        return config.load();
    }

    private static JdbcClient client(DatabaseTarget target) {
        return JdbcClient.create(new DriverManagerDataSource(target.jdbcUrl(), target.user(), target.password()));
    }

    private static List<String> tables(JdbcClient db) {
        return db.sql("select table_name from information_schema.tables where table_schema = database()")
                .query(String.class)
                .list();
    }

    private static String dumpText(Path file) {
        try (InputStream in = BackupArchive.openDump(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(OutputStream out, String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
