package de.kontor.monitoring;

import de.kontor.HttpClientSupport;
import de.kontor.IntegrationTest;
import de.kontor.backup.BackupService;
import de.kontor.customer.CustomerService;
import de.kontor.license.License;
import de.kontor.license.LicenseEnums.MatchRule;
import de.kontor.license.LicenseFixture;
import de.kontor.license.LicenseService;
import de.kontor.monitoring.AlertModel.Alert;
import de.kontor.monitoring.AlertModel.AlertFilter;
import de.kontor.monitoring.AlertModel.AlertState;
import de.kontor.monitoring.AlertModel.Rule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static de.kontor.license.LicenseFixture.machine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What goes wrong inside Kontor (a failed backup, licenses flagged as anomalous) raises the shipped alerts. */
class KontorAlertsTest extends IntegrationTest {

    @Autowired
    SelfMonitor self;

    @Autowired
    MonitoringService monitoring;

    @Autowired
    BackupService backups;

    @Autowired
    LicenseService licenses;

    @Autowired
    CustomerService customers;

    @BeforeEach
    void admin() {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "kontor-alerts-admin", null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aFailedBackupFiresItsAlertOnKontorsNodeAndTheNextGoodOneResolvesIt() throws IOException {
        Rule rule = builtin("backup-failed");
        Path folder = backups.directory();
        Path aside = folder.resolveSibling(folder.getFileName() + "-aside");
        boolean existed = Files.isDirectory(folder);
        if (existed) {
            Files.move(folder, aside);
        }
        try {
            // a file where the backup folder should be: the backup cannot be written
            Files.writeString(folder, "not a folder");
            assertThatThrownBy(() -> backups.create(null)).hasMessageContaining("BACKUP_FAILED");
        } finally {
            Files.deleteIfExists(folder);
            if (existed) {
                Files.move(aside, folder);
            }
        }
        assertThat(backups.health().lastFailed()).isTrue();

        long node = collectAndEvaluate();
        assertThat(monitoring.node(node).latest()).containsEntry(KontorChecks.BACKUP_FAILED, 1.0);
        assertThat(current(rule, node)).extracting(Alert::state).isEqualTo(AlertState.FIRING);
        assertThat(monitoring.node(node).summary().health().reasons())
                .extracting(MonitoringModel.HealthReason::code)
                .contains("BACKUP_FAILED");

        backups.create(null);
        assertThat(backups.health().lastFailed()).isFalse();
        for (int i = 0; i < 6; i++) {
            clock.advance(Duration.ofSeconds(30));
            collectAndEvaluate();
        }
        assertThat(monitoring.node(node).latest()).containsEntry(KontorChecks.BACKUP_FAILED, 0.0);
        assertThat(alerts(rule, node)).extracting(Alert::state).doesNotContain(AlertState.FIRING, AlertState.PENDING);
    }

    @Test
    void licensesFlaggedAsAnomalousFireTheirAlertWithTheirCount() {
        Rule rule = builtin("license-anomalies");
        licenses.checkAnomalies();
        int before = licenses.flaggedLicenseCount();

        LicenseFixture f = new LicenseFixture(licenses, customers, baseUrl(), MatchRule.TWO_OF_THREE, clock);
        License license = f.license(1);
        f.post("/api/license/activate", f.body(license.getKey(), machine(1), "2.0.0"));
        long seat = licenses.activations(license.getId()).getFirst().getId();
        for (int n = 2; n <= 5; n++) {
            licenses.transfer(seat);
            f.post("/api/license/activate", f.body(license.getKey(), machine(n), "2.0.0"));
        }
        licenses.checkAnomalies();
        assertThat(licenses.flaggedLicenseCount()).isEqualTo(before + 1);

        long node = collectAndEvaluate();
        assertThat(monitoring.node(node).latest()).containsEntry(KontorChecks.LICENSE_ANOMALIES, before + 1.0);
        Alert firing = current(rule, node);
        assertThat(firing.state()).isEqualTo(AlertState.FIRING);
        assertThat(firing.value()).isEqualTo(before + 1.0);
    }

    @Test
    void backupAndAnomalyChecksArePublishedForPrometheus() {
        collectAndEvaluate();
        HttpClientSupport.Response federated =
                new HttpClientSupport(baseUrl()).get("/api/monitoring/federate", "test-scrape-token");
        assertThat(federated.status()).isEqualTo(200);
        assertThat(federated.body())
                .contains("# TYPE kontor_check_backup_failed gauge")
                .contains("# TYPE kontor_check_backup_overdue gauge")
                .contains("# TYPE kontor_check_license_anomalies gauge");
    }

    private long collectAndEvaluate() {
        long node = self.collect();
        monitoring.evaluateAlerts();
        return node;
    }

    private Rule builtin(String key) {
        return monitoring.alertRules().stream()
                .filter(r -> key.equals(r.builtin()))
                .findFirst()
                .orElseThrow();
    }

    private List<Alert> alerts(Rule rule, long node) {
        return monitoring
                .alerts(new AlertFilter(Set.of(), node, rule.id(), null, null), PageRequest.of(0, 50))
                .getContent();
    }

    private Alert current(Rule rule, long node) {
        return alerts(rule, node).getFirst();
    }
}
