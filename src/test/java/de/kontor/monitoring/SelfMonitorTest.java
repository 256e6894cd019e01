package de.kontor.monitoring;

import de.kontor.IntegrationTest;
import de.kontor.backup.BackupFailed;
import de.kontor.backup.BackupKind;
import de.kontor.monitoring.MonitoringModel.HealthReason;
import de.kontor.monitoring.MonitoringModel.NodeDetail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Kontor's own server is a node, collected in-process, with Kontor's checks among its metrics. */
class SelfMonitorTest extends IntegrationTest {

    @Autowired
    SelfMonitor self;

    @Autowired
    MonitoringService monitoring;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KontorChecks checks;

    @Autowired
    MonitoringProperties properties;

    @Test
    void kontorsOwnServerReportsItsMetricsAndChecks() {
        long id = self.collect();
        long again = self.collect();

        assertThat(again).isEqualTo(id);
        NodeDetail node = monitoring.node(id);
        assertThat(node.summary().local()).isTrue();
        assertThat(node.summary().name()).endsWith("(Kontor)");
        assertThat(node.summary().status()).isEqualTo(MonitoringModel.NodeStatus.ONLINE);
        assertThat(node.latest())
                .containsEntry(KontorChecks.DATABASE, 1.0)
                .containsEntry(KontorChecks.LICENSE_API, 1.0)
                // the tests run without the scheduler
                .containsEntry(KontorChecks.SCHEDULER, 0.0)
                .containsKeys("cpu", "memory", "disk", KontorChecks.DATA_DIR, KontorChecks.DATABASE_MS)
                .containsKey(KontorChecks.MAIL_FAILURES);
        assertThat(node.summary().health().reasons())
                .extracting(HealthReason::code)
                .contains("SCHEDULER_STOPPED");
        assertThat(node.inventoryJson()).contains("\"facts\"");
        assertThat(monitoring.nodes()).anyMatch(n -> n.id() == id && n.local());
    }

    @Test
    void kontorsOwnNodeIsCollectedRightAtTheStartNotOneIntervalLater() {
        MonitoringProperties hourly = hourly();
        // later than any round another test collected
        clock.advance(Duration.ofMinutes(1));
        Instant started = clock.instant();
        SelfMonitor monitor = new SelfMonitor(monitoring, checks, hourly, clock);
        try {
            monitor.start();
            assertThat(monitor.isRunning()).isTrue();

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> monitoring.nodes().stream()
                            .anyMatch(n -> n.local()
                                    && n.name().endsWith("(Kontor)")
                                    && n.lastSeenAt() != null
                                    && !n.lastSeenAt().isBefore(started)));
        } finally {
            monitor.stop();
        }
        assertThat(monitor.isRunning()).isFalse();
    }

    @Test
    void aFailedBackupIsCollectedAtOnceNotAtTheNextRound() {
        clock.advance(Duration.ofMinutes(1));
        Instant started = clock.instant();
        SelfMonitor monitor = new SelfMonitor(monitoring, checks, hourly(), clock);
        try {
            monitor.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> ownNodeSeenSince(started));

            // the next round is an hour away: only the failure can bring one sooner
            clock.advance(Duration.ofMinutes(1));
            Instant failedAt = clock.instant();
            monitor.backupFailed(new BackupFailed(BackupKind.SCHEDULED, failedAt, "disk full"));

            await().atMost(Duration.ofSeconds(60)).until(() -> ownNodeSeenSince(failedAt));
        } finally {
            monitor.stop();
        }
    }

    @Test
    void withoutOwnRoundsAFailedBackupCollectsNothing() {
        clock.advance(Duration.ofMinutes(1));
        Instant failedAt = clock.instant();
        // the test context's monitor runs no rounds (interval 0)
        assertThat(properties.selfInterval()).isZero();

        self.backupFailed(new BackupFailed(BackupKind.SCHEDULED, failedAt, "disk full"));

        assertThat(ownNodeSeenSince(failedAt)).isFalse();
    }

    private boolean ownNodeSeenSince(Instant since) {
        return monitoring.nodes().stream()
                .anyMatch(n -> n.local()
                        && n.name().endsWith("(Kontor)")
                        && n.lastSeenAt() != null
                        && !n.lastSeenAt().isBefore(since));
    }

    private MonitoringProperties hourly() {
        return new MonitoringProperties(
                properties.unreachableAfter(),
                properties.rawRetention(),
                properties.minuteRetention(),
                properties.hourRetention(),
                properties.partitionsAhead(),
                Duration.ofHours(1),
                properties.agentInterval(),
                properties.inventoryInterval(),
                properties.maxSamplesPerReport(),
                properties.scrapeToken(),
                properties.alerts(),
                properties.operations());
    }

    @Test
    void failedMailsCountAgainstKontorsHealth() {
        jdbc.sql("insert into mail_outbox (module, kind, recipient, subject, body, state, error, attempts, created_at) "
                        + "values ('monitoring', 'TEST', 'ops@example.org', 'Test', 'Test', 'FAILED', "
                        + "'550 mailbox unavailable', 99, ?)")
                .param(Timestamp.from(clock.instant()))
                .update();

        NodeDetail node = monitoring.node(self.collect());

        assertThat(node.latest().get(KontorChecks.MAIL_FAILURES)).isGreaterThanOrEqualTo(1.0);
        assertThat(node.summary().health().reasons())
                .extracting(HealthReason::code)
                .contains("MAIL_FAILING");
    }
}
