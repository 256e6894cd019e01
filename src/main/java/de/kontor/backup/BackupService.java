package de.kontor.backup;

import de.kontor.base.CurrentUser;
import de.kontor.base.audit.AuditService;
import de.kontor.base.error.DomainException;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Backups, the module's one entry point: list, make (now or on schedule), download, delete. One backup at a
 * time per node; the file work runs without a transaction open (a dump of a large database takes minutes),
 * and each outcome is recorded in the audit log on its own. Making, downloading and deleting are for admins
 * only: a backup holds every password hash and customer, so viewers see the list but not the files.
 */
@Service
public class BackupService {

    static final String MODULE = "backup";
    private static final Logger log = LoggerFactory.getLogger(BackupService.class);

    private final Backups backups;
    private final DatabaseTools tools;
    private final Flyway flyway;
    private final BackupProperties properties;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AtomicReference<@Nullable BackupRun> run = new AtomicReference<>();

    BackupService(
            Backups backups,
            DatabaseTools tools,
            Flyway flyway,
            BackupProperties properties,
            AuditService audit,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock) {
        this.backups = backups;
        this.tools = tools;
        this.flyway = flyway;
        this.properties = properties;
        this.audit = audit;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    public List<BackupInfo> list() {
        return backups.list();
    }

    public BackupInfo info(String id) {
        return backups.info(id);
    }

    /** Where backups are written. */
    public Path directory() {
        return backups.directory();
    }

    /** How many backups are kept. */
    public int keep() {
        return properties.keep();
    }

    /** The backup this node is making, or the last one it made or failed to make. */
    public Optional<BackupRun> lastRun() {
        return Optional.ofNullable(run.get());
    }

    /** Makes a backup now and returns it when done (the REST API's way). */
    public BackupInfo create(@Nullable String passphrase) {
        requireAdmin();
        String user = CurrentUser.username().orElse(AuditService.SYSTEM_USER);
        return make(BackupKind.MANUAL, checked(passphrase), user);
    }

    /** Starts a backup in the background (the view's way); follow it with {@link #lastRun()}. */
    public BackupRun start(@Nullable String passphrase) {
        requireAdmin();
        String user = CurrentUser.username().orElse(AuditService.SYSTEM_USER);
        char @Nullable [] secret = checked(passphrase);
        BackupRun started = begin(BackupKind.MANUAL);
        Thread.ofVirtual().name("backup").start(() -> {
            try {
                finish(BackupKind.MANUAL, secret, user, started);
            } catch (RuntimeException alreadyReported) {
                // recorded in the run, the log and the audit log
            }
        });
        return started;
    }

    /**
     * The scheduled backup: seals the key with the configured passphrase file, if any, then deletes the
     * backups beyond the number kept. Does nothing while a backup runs on this node.
     */
    public void runScheduled() {
        if (!properties.scheduled()) {
            return;
        }
        char @Nullable [] secret = null;
        Path passphraseFile = properties.passphraseFile();
        if (passphraseFile != null) {
            try {
                secret = Files.readString(passphraseFile, StandardCharsets.UTF_8)
                        .strip()
                        .toCharArray();
            } catch (IOException e) {
                reportFailure(BackupKind.SCHEDULED, "Cannot read the passphrase file " + passphraseFile);
                return;
            }
        }
        try {
            make(BackupKind.SCHEDULED, secret, AuditService.SYSTEM_USER);
        } catch (RuntimeException e) {
            log.debug("Scheduled backup failed", e);
        }
    }

    /** The file to send for a download; recorded in the audit log. */
    public Path download(String id) {
        requireAdmin();
        Path file = backups.file(id);
        audit.record(MODULE, "Backup", id, "downloaded", "Backup " + id + " downloaded", List.of());
        return file;
    }

    public void delete(String id) {
        requireAdmin();
        backups.file(id);
        transactions.executeWithoutResult(tx -> {
            audit.record(MODULE, "Backup", id, "deleted", "Backup " + id + " deleted", List.of());
            backups.delete(id);
        });
    }

    private BackupInfo make(BackupKind kind, char @Nullable [] passphrase, String user) {
        return finish(kind, passphrase, user, begin(kind));
    }

    private BackupRun begin(BackupKind kind) {
        BackupRun started = new BackupRun(BackupRun.State.RUNNING, kind, clock.instant(), null, 0, null, null);
        BackupRun previous = run.getAndUpdate(r -> r != null && r.running() ? r : started);
        if (previous != null && previous.running()) {
            throw DomainException.conflict("BACKUP_RUNNING", "backup.error.running");
        }
        return started;
    }

    private BackupInfo finish(BackupKind kind, char @Nullable [] passphrase, String user, BackupRun started) {
        try {
            BackupInfo made = backups.create(
                    tools.kontorDatabase(),
                    flyway,
                    kind,
                    passphrase,
                    user,
                    p -> run.set(
                            new BackupRun(BackupRun.State.RUNNING, kind, started.startedAt(), null, p, null, null)));
            transactions.executeWithoutResult(tx -> audit.recordAs(
                    user,
                    MODULE,
                    "Backup",
                    made.id(),
                    "created",
                    "Backup " + made.id() + " made (" + made.sizeBytes() + " bytes"
                            + (made.secretKeyIncluded()
                                    ? ", with the sealed secret key)"
                                    : ", without the secret key)"),
                    List.of()));
            run.set(new BackupRun(
                    BackupRun.State.DONE, kind, started.startedAt(), clock.instant(), 1, made.id(), null));
            backups.prune(properties.keep());
            return made;
        } catch (RuntimeException e) {
            log.error("Backup failed", e);
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            run.set(new BackupRun(BackupRun.State.FAILED, kind, started.startedAt(), clock.instant(), 0, null, reason));
            reportFailure(kind, reason);
            throw e instanceof DomainException d
                    ? d
                    : new DomainException(500, "BACKUP_FAILED", "backup.error.failed", reason);
        }
    }

    /** Records the failure and tells other modules (alerting) in one transaction. */
    private void reportFailure(BackupKind kind, String reason) {
        transactions.executeWithoutResult(tx -> {
            audit.recordAs(
                    AuditService.SYSTEM_USER, MODULE, "Backup", null, "failed", "Backup failed: " + reason, List.of());
            events.publishEvent(new BackupFailed(kind, clock.instant(), reason));
        });
    }

    private static void requireAdmin() {
        if (!CurrentUser.hasRole("ADMIN")) {
            throw new DomainException(403, "VIEWER_READ_ONLY", "viewer.error.readOnly");
        }
    }

    /** The passphrase to seal the secret key with (none: the backup goes without it); refused if too short. */
    private static char @Nullable [] checked(@Nullable String passphrase) {
        if (passphrase == null || passphrase.isEmpty()) {
            return null;
        }
        if (passphrase.length() < KeySeal.MIN_PASSPHRASE) {
            throw DomainException.invalidField(
                    "passphrase", "PASSPHRASE_TOO_SHORT", "backup.error.passphraseShort", KeySeal.MIN_PASSPHRASE);
        }
        return passphrase.toCharArray();
    }
}
