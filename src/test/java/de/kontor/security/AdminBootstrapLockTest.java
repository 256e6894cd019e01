package de.kontor.security;

import de.kontor.IntegrationTest;
import de.kontor.base.db.DatabaseLocks;
import de.kontor.base.db.HeldLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes starting at once on a fresh database must not both find "no admin yet": the first-admin set-up
 * waits while another node holds its database lock, and looks only once that node is done.
 */
class AdminBootstrapLockTest extends IntegrationTest {

    private final ExecutorService threads = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Autowired
    AdminBootstrap bootstrap;

    @Autowired
    DatabaseLocks locks;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theFirstAdminSetUpWaitsWhileAnotherNodeIsAtIt() throws Exception {
        int admins = admins();
        CompletableFuture<Void> starting;
        try (HeldLock otherNode = new HeldLock(locks, jdbc, AdminBootstrap.LOCK)) {
            starting = CompletableFuture.runAsync(() -> bootstrap.run(new DefaultApplicationArguments()), threads);
            otherNode.awaitWaiter();
            assertThat(starting).as("still waiting for the other node").isNotDone();
        }
        starting.get(60, TimeUnit.SECONDS);

        assertThat(admins())
                .as("the admin the other node left is found, none added")
                .isEqualTo(admins);
    }

    private int admins() {
        return jdbc.sql("select count(*) from app_user where username = ?")
                .param(AdminBootstrap.ADMIN_USERNAME)
                .query(Integer.class)
                .single();
    }
}
