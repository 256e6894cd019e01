package de.kontor.monitoring;

import de.kontor.Application;
import de.kontor.TestDataDir;
import de.kontor.TestMail;
import de.kontor.base.db.EmbeddedMariaDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kontor's own checks while its database is gone: the round still answers, says {@code kontor.database = 0} and
 * keeps what needs no database (the data directory), instead of failing as a whole because the backup state or
 * the mail and license counters could not be read. A Kontor of its own on a MariaDB of its own, which the test
 * stops; the shared test context is not disturbed.
 */
class KontorChecksOutageTest {

    private final SecurityContextHolderStrategy sharedStrategy = SecurityContextHolder.getContextHolderStrategy();

    @AfterEach
    void restoreSecurityContextStrategy() {
        SecurityContextHolder.setContextHolderStrategy(sharedStrategy);
    }

    @Test
    void aRoundWithoutDatabaseReportsItDownAndKeepsTheOtherChecks() {
        EmbeddedMariaDb db = EmbeddedMariaDb.start(TestDataDir.create("checks-outage-db"), 0);
        try (ConfigurableApplicationContext kontor = new SpringApplicationBuilder(Application.class)
                .profiles("test")
                .run(
                        "--spring.datasource.url=" + db.jdbcUrl(),
                        "--spring.datasource.username=" + db.username(),
                        "--spring.datasource.password=" + db.password(),
                        "--kontor.data-dir=" + TestDataDir.create("checks-outage"),
                        "--server.port=0",
                        "--kontor.admin.password=Checks-Outage-Passw0rd",
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + TestMail.port(),
                        "--spring.quartz.properties.org.quartz.scheduler.instanceName=kontor-checks-outage")) {
            KontorChecks checks = kontor.getBean(KontorChecks.class);

            Map<String, Double> up = checks.check();
            assertThat(up)
                    .containsEntry(KontorChecks.DATABASE, 1.0)
                    .containsKeys(
                            KontorChecks.BACKUP_FAILED,
                            KontorChecks.MAIL_FAILURES,
                            KontorChecks.DATA_DIR,
                            KontorChecks.LICENSE_API);

            db.close();

            Map<String, Double> down = checks.check();
            assertThat(down)
                    .containsEntry(KontorChecks.DATABASE, 0.0)
                    .containsKeys(KontorChecks.DATA_DIR, KontorChecks.DATA_DIR_FREE)
                    .doesNotContainKeys(KontorChecks.BACKUP_FAILED, KontorChecks.MAIL_FAILURES);
        } finally {
            db.close();
        }
    }
}
