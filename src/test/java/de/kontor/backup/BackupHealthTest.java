package de.kontor.backup;

import de.kontor.IntegrationTest;
import de.kontor.base.audit.AuditService;
import de.kontor.security.UserService;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What monitoring reads of the backups: the newest one made by any node, and this node's last failure. */
@RecordApplicationEvents
class BackupHealthTest extends IntegrationTest {

    @Autowired
    BackupService backups;

    @Autowired
    Backups files;

    @Autowired
    DatabaseTools tools;

    @Autowired
    Flyway flyway;

    @Autowired
    BackupProperties properties;

    @Autowired
    AuditService audit;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    UserService users;

    @Autowired
    ZoneId zone;

    @Autowired
    ApplicationEvents published;

    @BeforeEach
    void admin() {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "backup-health-admin", null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theNewestBackupCountsEvenWhenItsFileIsInAnotherNodesFolder() {
        clock.advance(Duration.ofMinutes(5));
        BackupInfo made = backups.create(null);
        // as if another node had made it into its own folder: this node's folder no longer holds it
        backups.delete(made.id());
        assertThat(Files.exists(backups.directory().resolve(made.id() + ".zip")))
                .isFalse();

        BackupHealth health = backups.health();

        assertThat(health.newest()).isNotNull();
        assertThat(health.newest()).isAfterOrEqualTo(made.createdAt().minusMillis(1));
        assertThat(health.lastFailed()).isFalse();
    }

    @Test
    void aFileNamedLikeABackupThatIsNoneDoesNotCountAsTheNewest() throws Exception {
        clock.advance(Duration.ofMinutes(5));
        BackupInfo made = backups.create(null);
        Path junk = backups.directory().resolve("kontor-29991231-235959.zip");
        Files.writeString(junk, "not a zip");
        try {
            BackupHealth health = backups.health();

            assertThat(health.newest()).isNotNull();
            assertThat(health.newest()).isBefore(Instant.parse("2999-01-01T00:00:00Z"));
            assertThat(health.newest()).isAfterOrEqualTo(made.createdAt().minusMillis(1));
        } finally {
            Files.delete(junk);
            backups.delete(made.id());
        }
    }

    @Test
    void aScheduledBackupWhosePassphraseFileCannotBeReadCountsAsFailed() throws Exception {
        // a folder where the file should be: reading it fails, as for a file the service may not read
        Path notAFile = Files.createTempDirectory("kontor-passphrase-");
        BackupProperties scheduled = new BackupProperties(
                properties.directory(),
                true,
                properties.schedule(),
                properties.keep(),
                notAFile,
                properties.dumpCommand(),
                properties.clientCommand(),
                properties.timeout());
        BackupService service = new BackupService(
                files,
                tools,
                flyway,
                scheduled,
                audit,
                events,
                transactions,
                users,
                new BackupSchedule(scheduled, zone, clock),
                clock);
        int before = files.list().size();

        service.runScheduled();

        assertThat(service.health().lastFailed()).isTrue();
        assertThat(service.lastRun())
                .hasValueSatisfying(r -> assertThat(r.state()).isEqualTo(BackupRun.State.FAILED));
        assertThat(files.list()).as("no backup without its passphrase").hasSize(before);
        assertThat(published.stream(BackupFailed.class)).anySatisfy(failed -> {
            assertThat(failed.kind()).isEqualTo(BackupKind.SCHEDULED);
            assertThat(failed.reason()).contains("passphrase file");
        });
    }
}
