package de.kontor.base.db;

import de.kontor.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

class DatabaseLocksTest extends IntegrationTest {

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Autowired
    DatabaseLocks locks;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JdbcClient jdbc;

    @Test
    void workUnderOneLockNameRunsOneAtATime() throws Exception {
        String name = unique("kontor_test_lock");
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        Runnable work = () -> {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inside.decrementAndGet();
        };

        CompletableFuture<Void> first =
                CompletableFuture.runAsync(() -> locks.run(name, Duration.ofSeconds(30), work), threads);
        await().atMost(Duration.ofSeconds(10)).untilAtomic(inside, equalTo(1));
        CompletableFuture<Void> second =
                CompletableFuture.runAsync(() -> locks.run(name, Duration.ofSeconds(30), work), threads);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).untilAtomic(most, equalTo(1));
        release.countDown();
        CompletableFuture.allOf(first, second).get(30, TimeUnit.SECONDS);

        assertThat(most).hasValue(1);
    }

    @Test
    void aLockHeldTooLongIsReportedInsteadOfWaitingForever() throws Exception {
        String name = unique("kontor_test_lock");
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(
                () -> locks.run(name, Duration.ofSeconds(30), () -> {
                    holding.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }),
                threads);
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        try {
            assertThatThrownBy(() -> locks.run(name, Duration.ofSeconds(1), () -> {}))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(name);
        } finally {
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void tryRunSkipsTheWorkWhileAnotherHoldsTheLockAndLeavesItFreeAfterwards() throws Exception {
        String name = unique("kontor_test_lock");
        AtomicInteger runs = new AtomicInteger();
        try (HeldLock otherNode = new HeldLock(locks, jdbc, name)) {
            assertThat(locks.tryRun(name, Duration.ofSeconds(1), runs::incrementAndGet))
                    .isFalse();
            assertThat(runs).hasValue(0);
        }

        assertThat(locks.tryRun(name, Duration.ofSeconds(1), () -> {
                    runs.incrementAndGet();
                    // held while the work runs, seen from any other connection
                    assertThat(jdbc.sql("select is_free_lock(?)")
                                    .param(name)
                                    .query(Integer.class)
                                    .single())
                            .isZero();
                }))
                .isTrue();
        assertThat(runs).hasValue(1);
        assertThat(jdbc.sql("select is_free_lock(?)")
                        .param(name)
                        .query(Integer.class)
                        .single())
                .isOne();
    }

    @Test
    void theLockIsNotTakenInsideATransactionWhoseCommitItCouldNotOutlast() {
        assertThatThrownBy(() -> new TransactionTemplate(transactionManager)
                        .executeWithoutResult(
                                status -> locks.run("kontor_test_in_tx", Duration.ofSeconds(1), () -> {})))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside a transaction");
    }
}
