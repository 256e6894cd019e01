package de.kontor.backup;

import de.kontor.base.CurrentUser;
import de.kontor.base.audit.AuditService;
import de.kontor.base.error.DomainException;
import de.kontor.security.UserService;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Backups, the module's one entry point: list, make (now or on schedule), download, delete. One backup at a
 * time per node; the file work runs without a transaction open (a dump of a large database takes minutes),
 * and each outcome is recorded in the audit log on its own. Making, downloading and deleting are for admins
 * only: a backup holds every password hash and customer, so viewers see the list but not the files, and a
 * download also needs a fresh two-factor confirmation (step-up).
 */
@Service
public class BackupService {

    static final String MODULE = "backup";
    /** The audit action of a backup made (any node's; the newest tells whether the schedule keeps up). */
    static final String CREATED = "created";

    private static final Logger log = LoggerFactory.getLogger(BackupService.class);

    private final Backups backups;
    private final DatabaseTools tools;
    private final Flyway flyway;
    private final BackupProperties properties;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final UserService users;
    private final BackupSchedule schedule;
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
            UserService users,
            BackupSchedule schedule,
            Clock clock) {
        this.backups = backups;
        this.tools = tools;
        this.flyway = flyway;
        this.properties = properties;
        this.audit = audit;
        this.events = events;
        this.transactions = transactions;
        this.users = users;
        this.schedule = schedule;
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

    /**
     * Whether this node's last backup failed and whether a scheduled one is missing (monitoring alerts on both).
     * The newest backup counts wherever it was made: in a cluster one node runs the schedule, into its own
     * folder unless the folder is shared, and the audit log says when any node made one.
     */
    @Transactional(readOnly = true)
    public BackupHealth health() {
        Instant newest = Stream.concat(backups.newest().stream(), audit.latest(MODULE, CREATED).stream())
                .max(Instant::compareTo)
                .orElse(null);
        BackupRun last = run.get();
        boolean failed = last != null && last.state() == BackupRun.State.FAILED;
        Instant now = clock.instant();
        return new BackupHealth(failed, schedule.overdue(newest == null ? Instant.EPOCH : newest, now), newest);
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
                String reason = "Cannot read the passphrase file " + passphraseFile;
                Instant now = clock.instant();
                BackupRun failed =
                        new BackupRun(BackupRun.State.FAILED, BackupKind.SCHEDULED, now, now, 0, null, reason);
                run.getAndUpdate(r -> r != null && r.running() ? r : failed);
                reportFailure(BackupKind.SCHEDULED, reason);
                return;
            }
        }
        try {
            make(BackupKind.SCHEDULED, secret, AuditService.SYSTEM_USER);
        } catch (RuntimeException e) {
            log.debug("Scheduled backup failed", e);
        }
    }

    /**
     * Checks that {@link #download} will be allowed (admin, the backup exists, step-up confirmed) without
     * recording anything: the view asks for the confirmation before it offers the file.
     */
    public void checkDownload(String id) {
        downloadable(id);
    }

    /**
     * The file to send for a download; recorded in the audit log. A backup holds every password hash and,
     * when sealed, the secret key: taking it away needs the second factor confirmed within ten minutes.
     */
    public Path download(String id) {
        Path file = downloadable(id);
        audit.record(MODULE, "Backup", id, "downloaded", "Backup " + id + " downloaded", List.of());
        return file;
    }

    /** The backup's file, if the caller may take it: an admin, with the second factor confirmed lately. */
    private Path downloadable(String id) {
        requireAdmin();
        Path file = backups.file(id);
        users.requireStepUp();
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
                    CREATED,
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
