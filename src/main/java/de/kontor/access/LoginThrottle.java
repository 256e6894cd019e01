package de.kontor.access;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Failed sign-ins per account and per address in {@code login_throttle}, one row each, changed under its row
 * lock: two nodes counting failures for one address add them up instead of each allowing the full number.
 * The window starts with the first failure after the last one ran out.
 */
@Component
class LoginThrottle {

    static final String ACCOUNT = "ACCOUNT";
    static final String ADDRESS = "ADDRESS";

    private record Row(
            int failures, Instant windowStart, @Nullable Instant lockedUntil) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    static String accountKey(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    Duration remaining(String kind, String subject) {
        Instant now = clock.instant();
        return jdbc.sql("SELECT locked_until FROM login_throttle WHERE kind = :kind AND subject = :subject"
                        + " AND locked_until > :now")
                .param("kind", kind)
                .param("subject", subject)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> rs.getTimestamp("locked_until").toInstant())
                .optional()
                .map(until -> Duration.between(now, until))
                .orElse(Duration.ZERO);
    }

    /** Counts one failure (the caller's transaction holds the row lock); returns whether it is locked now. */
    boolean fail(String kind, String subject, LoginLimits limits) {
        Instant now = clock.instant();
        jdbc.sql("INSERT IGNORE INTO login_throttle (kind, subject, failures, window_start)"
                        + " VALUES (:kind, :subject, 0, :now)")
                .param("kind", kind)
                .param("subject", subject)
                .param("now", Timestamp.from(now))
                .update();
        Row row = jdbc.sql("SELECT failures, window_start, locked_until FROM login_throttle"
                        + " WHERE kind = :kind AND subject = :subject FOR UPDATE")
                .param("kind", kind)
                .param("subject", subject)
                .query((rs, n) -> new Row(
                        rs.getInt("failures"),
                        rs.getTimestamp("window_start").toInstant(),
                        rs.getTimestamp("locked_until") == null
                                ? null
                                : rs.getTimestamp("locked_until").toInstant()))
                .single();
        if (row.lockedUntil() != null && row.lockedUntil().isAfter(now)) {
            return true;
        }
        boolean windowOver = !row.windowStart().isAfter(now.minus(limits.window()));
        int failures = (windowOver ? 0 : row.failures()) + 1;
        Instant windowStart = windowOver ? now : row.windowStart();
        boolean locked = failures >= limits.maxFailures();
        jdbc.sql("UPDATE login_throttle SET failures = :failures, window_start = :start, locked_until = :until"
                        + " WHERE kind = :kind AND subject = :subject")
                .param("failures", locked ? 0 : failures)
                .param("start", Timestamp.from(windowStart))
                .param("until", locked ? Timestamp.from(now.plus(limits.lockDuration())) : null)
                .param("kind", kind)
                .param("subject", subject)
                .update();
        return locked;
    }

    void clear(String kind, String subject) {
        jdbc.sql("DELETE FROM login_throttle WHERE kind = :kind AND subject = :subject")
                .param("kind", kind)
                .param("subject", subject)
                .update();
    }

    /** Rows whose window and lock are both over say nothing any more. */
    int prune(Duration window) {
        Instant now = clock.instant();
        return jdbc.sql("DELETE FROM login_throttle WHERE (locked_until IS NULL OR locked_until <= :now)"
                        + " AND window_start <= :oldest")
                .param("now", Timestamp.from(now))
                .param("oldest", Timestamp.from(now.minus(window)))
                .update();
    }
}
