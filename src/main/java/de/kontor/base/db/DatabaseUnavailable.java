package de.kontor.base.db;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database that cannot be reached apart from every other error, whatever layer wrapped it
 * (Spring's translation, Hibernate, a transaction that could not begin, an authentication provider).
 * Such errors are answered with "database unavailable, Kontor keeps trying" instead of an internal error
 * with a stack trace per request.
 */
public final class DatabaseUnavailable {

    /** SQL states of class 08 are connection exceptions in the SQL standard. */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";

    private DatabaseUnavailable() {}

    /** Whether the error or one of its causes says that no connection to the database could be used. */
    public static boolean isCause(@Nullable Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof CannotGetJdbcConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
