package de.kontor.base.ratelimit;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Bucket4j's compare-and-swap extension point over plain SQL on {@code rate_limit_bucket}: read the serialized
 * state, then insert it (first use) or update it only where it still holds what was read; Bucket4j retries when
 * another node won. No vendor driver classes are needed, unlike Bucket4j's own MySQL module. Each statement
 * commits on its own when no transaction is running. Time comes from Kontor's clock, so every node refills by
 * the same wall clock (and tests can move it).
 */
final class JdbcBucketStore extends AbstractCompareAndSwapBasedProxyManager<String> {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcBucketStore(JdbcClient jdbc, Clock clock) {
        super(ClientSideConfig.getDefault().withClientClock(new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        }));
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String name) {
        return new CompareAndSwapOperation() {
            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                return jdbc.sql("SELECT state FROM rate_limit_bucket WHERE name = :name")
                        .param("name", name)
                        .query((rs, n) -> rs.getBytes("state"))
                        .optional();
            }

            @Override
            public boolean compareAndSwap(
                    byte @Nullable [] original,
                    byte[] newData,
                    RemoteBucketState newState,
                    Optional<Long> timeoutNanos) {
                Timestamp now = Timestamp.from(clock.instant());
                if (original == null) {
                    return jdbc.sql("INSERT IGNORE INTO rate_limit_bucket (name, state, updated_at)"
                                            + " VALUES (:name, :state, :now)")
                                    .param("name", name)
                                    .param("state", newData)
                                    .param("now", now)
                                    .update()
                            == 1;
                }
                return jdbc.sql("UPDATE rate_limit_bucket SET state = :state, updated_at = :now"
                                        + " WHERE name = :name AND state = :original")
                                .param("state", newData)
                                .param("now", now)
                                .param("name", name)
                                .param("original", original)
                                .update()
                        == 1;
            }
        };
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String name) {
        throw new UnsupportedOperationException("JDBC buckets are synchronous");
    }

    @Override
    public void removeProxy(String name) {
        jdbc.sql("DELETE FROM rate_limit_bucket WHERE name = :name")
                .param("name", name)
                .update();
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String name) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("JDBC buckets are synchronous"));
    }

    @Override
    public boolean isAsyncModeSupported() {
        return false;
    }
}
