package de.kontor.base.db;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Work that several Kontor nodes on one database might start at the same moment (the first admin, demo data,
 * partitions) runs under a named database lock ({@code GET_LOCK}), so that whichever node comes first does
 * it and the others find it done.
 * <p>
 * The lock is held on a connection of its own for as long as the work runs, and the work opens its own
 * transactions inside: the lock is released only after they have committed, so the next node sees their
 * result. A node that dies while holding it loses the lock with its connection. Behind a Galera cluster the
 * lock is only as wide as one database node, which is why Kontor is run there with a single-writer proxy
 * (docs/cluster.md).
 */
@Component
public class DatabaseLocks {

    private final DataSource dataSource;

    DatabaseLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs {@code work} while holding the lock {@code name}, waiting at most {@code wait} for it.
     *
     * @throws IllegalStateException when the lock stayed taken longer than {@code wait}
     */
    public <T extends @Nullable Object> T call(String name, Duration wait, Supplier<T> work) {
        return attempt(name, wait, work)
                .orElseThrow(() -> new IllegalStateException("Another Kontor node held the database lock " + name
                        + " for more than " + wait.toSeconds() + " s"))
                .result();
    }

    /**
     * Runs {@code work} while holding the lock {@code name} if it can be had within {@code wait}; otherwise does
     * nothing and answers false. For upkeep that one node doing it is enough of.
     */
    public boolean tryRun(String name, Duration wait, Runnable work) {
        return attempt(name, wait, () -> {
                    work.run();
                    return Boolean.TRUE;
                })
                .isPresent();
    }

    private <T extends @Nullable Object> Optional<Done<T>> attempt(String name, Duration wait, Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Lock " + name + " must be taken outside a transaction: "
                    + "it has to outlast the commit of the work it guards");
        }
        try (Connection connection = dataSource.getConnection()) {
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            Integer locked = jdbc.queryForObject("select get_lock(?, ?)", Integer.class, name, wait.toSeconds());
            if (locked == null || locked != 1) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Done<>(work.get()));
            } finally {
                jdbc.queryForObject("select release_lock(?)", Integer.class, name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("No database connection for the lock " + name, e);
        }
    }

    /** The result of work that ran, which may itself be null. */
    private record Done<T extends @Nullable Object>(T result) {}

    /** {@link #call(String, Duration, Supplier)} for work without a result. */
    public void run(String name, Duration wait, Runnable work) {
        call(name, wait, () -> {
            work.run();
            return null;
        });
    }
}
