package de.kontor.monitoring;

import de.kontor.IntegrationTest;
import de.kontor.base.db.DatabaseLocks;
import de.kontor.base.db.HeldLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Start-up and upkeep work of the monitoring module that several nodes of one database might do at once. */
class MonitoringLocksTest extends IntegrationTest {

    private final ExecutorService threads = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Autowired
    MonitoringService monitoring;

    @Autowired
    Partitions partitions;

    @Autowired
    DatabaseLocks locks;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theShippedAlertRulesAreAddedByOneNodeAtATime() throws Exception {
        CompletableFuture<Integer> installing;
        try (HeldLock otherNode = new HeldLock(locks, jdbc, Alerting.DEFAULT_RULES_LOCK)) {
            installing = CompletableFuture.supplyAsync(monitoring::installDefaultAlertRules, threads);
            otherNode.awaitWaiter();
            assertThat(installing).as("still waiting for the other node").isNotDone();
        }
        assertThat(installing.get(60, TimeUnit.SECONDS))
                .as("the other node's rules are there")
                .isZero();
        assertThat(jdbc.sql("select count(distinct builtin) from monitoring_alert_rule where builtin is not null")
                        .query(Integer.class)
                        .single())
                .isEqualTo(AlertRules.BUILTINS.size());
        assertThat(free(Alerting.DEFAULT_RULES_LOCK)).isTrue();
    }

    @Test
    void partitionUpkeepIsSkippedWhileAnotherNodeIsAtItAndLeavesTheLockFree() throws Exception {
        try (HeldLock otherNode = new HeldLock(locks, jdbc, Partitions.LOCK)) {
            assertThat(partitions.maintain(clock.instant(), Duration.ofSeconds(1)))
                    .as("skipped")
                    .isEmpty();
        }

        assertThat(partitions.maintain(clock.instant(), Duration.ofSeconds(1)))
                .extracting(Partitions.Change::table)
                .containsExactlyElementsOf(
                        partitions.tables().stream().map(Partitions.Table::name).toList());
        // released on the connection that took it: no idle pooled connection keeps it from the other nodes
        assertThat(free(Partitions.LOCK)).isTrue();
    }

    private boolean free(String lock) {
        return jdbc.sql("select is_free_lock(?)")
                        .param(lock)
                        .query(Integer.class)
                        .single()
                == 1;
    }
}
