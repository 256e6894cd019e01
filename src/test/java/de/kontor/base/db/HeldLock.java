package de.kontor.base.db;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A named database lock held through {@link DatabaseLocks} by a thread of its own, as another Kontor node would
 * hold it, until {@link #close()}. {@link #awaitWaiter()} waits until some other connection is blocked in
 * {@code GET_LOCK} for the same name: the proof that the code under test asked for the lock and is waiting.
 */
public final class HeldLock implements AutoCloseable {

    private final String name;
    private final JdbcClient jdbc;
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CompletableFuture<Void> holder;

    public HeldLock(DatabaseLocks locks, JdbcClient jdbc, String name) throws InterruptedException {
        this.name = name;
        this.jdbc = jdbc;
        CountDownLatch holding = new CountDownLatch(1);
        this.holder = CompletableFuture.runAsync(
                () -> locks.run(name, Duration.ofSeconds(30), () -> {
                    holding.countDown();
                    try {
                        release.await(2, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }),
                thread);
        assertThat(holding.await(30, TimeUnit.SECONDS))
                .as("lock " + name + " taken")
                .isTrue();
    }

    /** Waits until another connection waits in {@code GET_LOCK} for this lock. */
    public void awaitWaiter() {
        await().atMost(Duration.ofSeconds(30)).until(() -> waiters() > 0);
    }

    /** Connections now blocked in {@code GET_LOCK} for this lock's name. */
    public int waiters() {
        return jdbc.sql("select count(*) from information_schema.processlist where command <> 'Sleep' "
                        + "and info like 'select get_lock(%' and info like ? and id <> connection_id()")
                .param("%'" + name + "'%")
                .query(Integer.class)
                .single();
    }

    @Override
    public void close() throws Exception {
        release.countDown();
        try {
            holder.get(30, TimeUnit.SECONDS);
        } finally {
            thread.shutdownNow();
        }
    }
}
