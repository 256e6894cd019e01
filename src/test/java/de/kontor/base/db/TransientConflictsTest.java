package de.kontor.base.db;

import de.kontor.IntegrationTest;
import de.kontor.customer.CustomerData;
import de.kontor.customer.CustomerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransientConflictsTest extends IntegrationTest {

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Autowired
    TransientConflicts conflicts;

    @Autowired
    CustomerService customers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aTransactionThatLosesARealDeadlockIsRunAgainAndBothComplete() throws Exception {
        long first = customers.create(CustomerData.named(unique("Deadlock A"))).getId();
        long second = customers.create(CustomerData.named(unique("Deadlock B"))).getId();
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        CyclicBarrier bothHoldTheirFirstRow = new CyclicBarrier(2);
        AtomicInteger attempts = new AtomicInteger();

        // each locks one row, waits until the other holds its row, then wants the other's: InnoDB picks a loser
        AtomicBoolean oneWaited = new AtomicBoolean();
        AtomicBoolean twoWaited = new AtomicBoolean();
        CompletableFuture<Void> one = CompletableFuture.runAsync(
                () -> conflicts.retry(
                        () -> appendBoth(tx, first, second, "1", bothHoldTheirFirstRow, oneWaited, attempts)),
                threads);
        CompletableFuture<Void> two = CompletableFuture.runAsync(
                () -> conflicts.retry(
                        () -> appendBoth(tx, second, first, "2", bothHoldTheirFirstRow, twoWaited, attempts)),
                threads);
        CompletableFuture.allOf(one, two).get(60, TimeUnit.SECONDS);

        assertThat(attempts).hasValue(3);
        for (long id : List.of(first, second)) {
            String notes = jdbc.sql("select notes from customer where id = ?")
                    .param(id)
                    .query(String.class)
                    .single();
            // the loser's first attempt left nothing behind: each mark once
            assertThat(notes).hasSize(2).contains("1", "2");
        }
    }

    private Void appendBoth(
            TransactionTemplate tx,
            long lockFirst,
            long lockSecond,
            String mark,
            CyclicBarrier barrier,
            AtomicBoolean waited,
            AtomicInteger attempts) {
        return tx.execute(status -> {
            attempts.incrementAndGet();
            append(lockFirst, mark);
            if (waited.compareAndSet(false, true)) {
                try {
                    barrier.await(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            append(lockSecond, mark);
            return null;
        });
    }

    private void append(long id, String mark) {
        jdbc.sql("update customer set notes = concat(coalesce(notes, ''), ?) where id = ?")
                .params(mark, id)
                .update();
    }

    @Test
    void onlyDeadlocksAndSerializationFailuresCount() {
        assertThat(TransientConflicts.isCause(new CannotAcquireLockException(
                        "deadlock", new SQLTransactionRollbackException("Deadlock found", "40001", 1213))))
                .isTrue();
        // Galera's certification failure comes as the deadlock error, whatever state a driver gives it
        assertThat(TransientConflicts.isCause(
                        new RuntimeException(new SQLException("WSREP detected deadlock", "HY000", 1213))))
                .isTrue();
        assertThat(TransientConflicts.isCause(new DataIntegrityViolationException(
                        "duplicate", new SQLException("Duplicate entry", "23000", 1062))))
                .isFalse();
        assertThat(TransientConflicts.isCause(new IllegalStateException("no database involved")))
                .isFalse();
    }

    @Test
    void otherErrorsAreNotRepeatedAndConflictsOnlyABoundedNumberOfTimes() {
        TransientConflicts fast = new TransientConflicts(Duration.ofMillis(1));
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> fast.retry(() -> {
                    calls.incrementAndGet();
                    throw new IllegalArgumentException("a mistake stays a mistake");
                }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(calls).hasValue(1);

        calls.set(0);
        assertThatThrownBy(() -> fast.retry(() -> {
                    calls.incrementAndGet();
                    throw new CannotAcquireLockException(
                            "deadlock", new SQLTransactionRollbackException("Deadlock found", "40001", 1213));
                }))
                .isInstanceOf(CannotAcquireLockException.class);
        assertThat(calls).hasValue(1 + TransientConflicts.MAX_RETRIES);
    }
}
