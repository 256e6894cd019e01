package de.kontor.base.db;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.stereotype.Component;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Repeats a whole transaction that the database rolled back because it lost a conflict with another one: a
 * deadlock (MariaDB error 1213), a serialization failure (SQLSTATE 40001) or, in a Galera cluster, a failed
 * certification (reported as the same deadlock error). Such a transaction left nothing behind, so running it
 * again is safe when it is the whole operation; callers use this only around one complete transaction (e.g. a
 * booking with its idempotency key, a license activation, a heartbeat), never inside one. Spring Framework's
 * {@link RetryTemplate} does the retrying: at most {@value #MAX_RETRIES} more attempts with a short growing,
 * jittered pause; after that, or for any other error, the error goes to the caller as it was.
 */
@Component
public class TransientConflicts {

    static final int MAX_RETRIES = 3;
    private static final Logger log = LoggerFactory.getLogger(TransientConflicts.class);
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final int DEADLOCK = 1213;

    private final RetryTemplate retry;

    TransientConflicts() {
        this(Duration.ofMillis(20));
    }

    TransientConflicts(Duration firstPause) {
        this.retry = new RetryTemplate(RetryPolicy.builder()
                .maxRetries(MAX_RETRIES)
                .delay(firstPause)
                .multiplier(3)
                .jitter(firstPause.dividedBy(2))
                .maxDelay(firstPause.multipliedBy(20))
                .predicate(TransientConflicts::isCause)
                .build());
        this.retry.setRetryListener(new RetryListener() {
            @Override
            public void beforeRetry(RetryPolicy policy, Retryable<?> retryable, RetryState state) {
                log.info(
                        "A transaction lost a conflict with another one (deadlock or certification failure); "
                                + "trying again: {}",
                        String.valueOf(state.getLastException()));
            }
        });
    }

    /** Runs {@code transaction} and runs it again if the database rolled it back for a transient conflict. */
    public <T extends @Nullable Object> T retry(Supplier<T> transaction) {
        return retry.invoke(transaction);
    }

    /** Whether the error or one of its causes is a deadlock, a serialization or a certification failure. */
    public static boolean isCause(@Nullable Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof SQLException sql
                    && (SERIALIZATION_FAILURE.equals(sql.getSQLState()) || sql.getErrorCode() == DEADLOCK)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
