package de.kontor.monitoring;

import de.kontor.backup.BackupHealth;
import de.kontor.backup.BackupService;
import de.kontor.base.mail.MailOutbox;
import de.kontor.license.LicenseService;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kontor's own checks, reported as metrics of its server's node (1 = fine, 0 = not): the database
 * answers (and how fast), the license client API answers over HTTP, the scheduler runs, how full the
 * data directory's disk is, how many e-mails failed in the last 24 hours, whether this node's last backup
 * failed or a scheduled one is missing, and how many licenses an anomaly rule flags.
 */
@Component
class KontorChecks {

    static final String DATABASE = "kontor.database";
    static final String DATABASE_MS = "kontor.database.ms";
    static final String LICENSE_API = "kontor.license.api";
    static final String SCHEDULER = "kontor.scheduler";
    static final String DATA_DIR = "kontor.datadir";
    static final String DATA_DIR_FREE = "kontor.datadir.free";
    static final String MAIL_FAILURES = "kontor.mail.failures";
    static final String BACKUP_FAILED = "kontor.backup.failed";
    static final String BACKUP_OVERDUE = "kontor.backup.overdue";
    static final String LICENSE_ANOMALIES = "kontor.license.anomalies";

    /** Failed e-mails are counted over this time back. */
    static final Duration MAIL_WINDOW = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final ObjectProvider<Scheduler> scheduler;
    private final MailOutbox mail;
    private final BackupService backups;
    private final LicenseService licenses;
    private final Environment environment;
    private final Clock clock;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    KontorChecks(
            JdbcClient jdbc,
            ObjectProvider<Scheduler> scheduler,
            MailOutbox mail,
            BackupService backups,
            LicenseService licenses,
            Environment environment,
            Clock clock) {
        this.jdbc = jdbc;
        this.scheduler = scheduler;
        this.mail = mail;
        this.backups = backups;
        this.licenses = licenses;
        this.environment = environment;
        this.clock = clock;
    }

    Map<String, Double> check() {
        Map<String, Double> values = new TreeMap<>();
        long start = System.nanoTime();
        try {
            jdbc.sql("select 1").query(Integer.class).single();
            values.put(DATABASE, 1.0);
            values.put(DATABASE_MS, Math.round((System.nanoTime() - start) / 10_000.0) / 100.0);
        } catch (RuntimeException e) {
            values.put(DATABASE, 0.0);
        }
        Integer port = environment.getProperty("local.server.port", Integer.class);
        if (port != null && port > 0) {
            values.put(LICENSE_API, licenseApiAnswers(port) ? 1.0 : 0.0);
        }
        Scheduler quartz = scheduler.getIfAvailable();
        if (quartz != null) {
            try {
                boolean running = quartz.isStarted() && !quartz.isInStandbyMode() && !quartz.isShutdown();
                values.put(SCHEDULER, running ? 1.0 : 0.0);
            } catch (SchedulerException e) {
                values.put(SCHEDULER, 0.0);
            }
        }
        try {
            values.put(MAIL_FAILURES, (double) mail.failedSince(clock.instant().minus(MAIL_WINDOW)));
            values.put(LICENSE_ANOMALIES, (double) licenses.flaggedLicenseCount());
            // the newest backup is read from the audit log: with the database too
            BackupHealth backup = backups.health();
            values.put(BACKUP_FAILED, backup.lastFailed() ? 1.0 : 0.0);
            values.put(BACKUP_OVERDUE, backup.overdue() ? 1.0 : 0.0);
        } catch (RuntimeException e) {
            // the database check above already says what is wrong
        }
        Path dataDir = Path.of(environment.getProperty("kontor.data-dir", "./data"));
        try {
            FileStore store = Files.getFileStore(
                    Files.exists(dataDir) ? dataDir : dataDir.toAbsolutePath().getRoot());
            long total = store.getTotalSpace();
            long used = total - store.getUnallocatedSpace();
            long available = store.getUsableSpace();
            values.put(DATA_DIR, used + available == 0 ? 0 : Math.round(10_000.0 * used / (used + available)) / 100.0);
            values.put(DATA_DIR_FREE, (double) available);
        } catch (IOException e) {
            // no data directory to measure
        }
        return values;
    }

    /** The public-key endpoint needs no credentials and goes through the license API's own filter chain. */
    private boolean licenseApiAnswers(int port) {
        String context = environment.getProperty("server.servlet.context-path", "");
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + context + "/api/license/public-key"))
                            .timeout(Duration.ofSeconds(5))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
