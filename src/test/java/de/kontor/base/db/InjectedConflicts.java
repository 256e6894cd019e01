package de.kontor.base.db;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Makes the database itself answer a chosen write with the deadlock error (SQLSTATE 40001, error 1213), as if
 * the transaction had lost a conflict with another node's: a trigger on the table signals it for the rows that
 * match {@code condition} (in terms of {@code NEW}), the first {@code times} times. A sequence counts the
 * signals, because sequences keep their value when the failed transaction rolls back. Closing drops both.
 */
public final class InjectedConflicts implements AutoCloseable {

    private final JdbcClient jdbc;
    private final String name;

    private InjectedConflicts(JdbcClient jdbc, String event, String table, String condition, long times) {
        this.jdbc = jdbc;
        this.name = "test_conflict_" + Long.toString(System.nanoTime(), 36);
        jdbc.sql("create sequence " + name + " start with 1 increment by 1 nocache")
                .update();
        jdbc.sql("create trigger " + name + " before " + event + " on " + table + " for each row begin "
                        + "if (" + condition + ") then "
                        + "if nextval(" + name + ") <= " + times + " then "
                        + "signal sqlstate '40001' set mysql_errno = 1213, "
                        + "message_text = 'Deadlock found when trying to get lock (injected by a test)'; "
                        + "end if; end if; end")
                .update();
    }

    /** The first matching {@code event} ({@code insert}, {@code update}) on {@code table} fails; later ones not. */
    public static InjectedConflicts once(JdbcClient jdbc, String event, String table, String condition) {
        return new InjectedConflicts(jdbc, event, table, condition, 1);
    }

    /** Every matching {@code event} on {@code table} fails, however often it is tried. */
    public static InjectedConflicts always(JdbcClient jdbc, String event, String table, String condition) {
        return new InjectedConflicts(jdbc, event, table, condition, Long.MAX_VALUE);
    }

    /** How many times a matching write was attempted (each of the first {@code times} failed). */
    public long attempts() {
        return jdbc.sql("select next_not_cached_value from " + name)
                        .query(Long.class)
                        .single()
                - 1;
    }

    @Override
    public void close() {
        jdbc.sql("drop trigger if exists " + name).update();
        jdbc.sql("drop sequence if exists " + name).update();
    }
}
