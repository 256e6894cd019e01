package de.kontor.monitoring;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Wakes those waiting in this Kontor: an agent's long poll when a command for its node comes, a user
 * waiting for a result when it arrives. Signals go out after the commit, so the woken side sees the rows.
 * Waiters also look again every second, which covers a command created on another Kontor of a cluster.
 */
@Component
class CommandSignals {

    static final long RECHECK_MILLIS = 1000;

    private final ConcurrentMap<String, Object> monitors = new ConcurrentHashMap<>();

    void signalAfterCommit(String topic) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signal(topic);
                }
            });
        } else {
            signal(topic);
        }
    }

    void signal(String topic) {
        Object monitor = monitors.get(topic);
        if (monitor != null) {
            synchronized (monitor) {
                monitor.notifyAll();
            }
        }
    }

    /** Waits until signalled or at most {@code millis} (and never longer than the recheck period). */
    void await(String topic, long millis) throws InterruptedException {
        Object monitor = monitors.computeIfAbsent(topic, k -> new Object());
        synchronized (monitor) {
            monitor.wait(Math.max(1, Math.min(millis, RECHECK_MILLIS)));
        }
    }

    /**
     * Looks until what it sees is {@code done} or {@code timeout} has passed, waiting on the topic (named
     * after what was seen) in between; returns the last look. An interrupt ends the wait with that look.
     */
    <T> T lookUntil(Duration timeout, Supplier<T> look, Predicate<T> done, Function<T, String> topic) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T seen = look.get();
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (done.test(seen) || left <= 0) {
                return seen;
            }
            try {
                await(topic.apply(seen), left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return seen;
            }
        }
    }
}
