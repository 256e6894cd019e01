package de.kontor.backup;

import de.kontor.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What monitoring reads of the backups: the newest one made by any node, and this node's last failure. */
class BackupHealthTest extends IntegrationTest {

    @Autowired
    BackupService backups;

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
}
