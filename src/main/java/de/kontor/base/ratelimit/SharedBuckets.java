package de.kontor.base.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Token buckets shared by every node on the database: a second node does not double a budget. For limits that
 * refill within an hour: a bucket untouched for longer is full again, so its row is removed now and then.
 */
@Component
public class SharedBuckets {

    static final Duration IDLE = Duration.ofHours(1);
    private static final int PRUNE_EVERY = 1_000;

    private final JdbcBucketStore store;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AtomicInteger sincePrune = new AtomicInteger();

    SharedBuckets(JdbcClient jdbc, Clock clock) {
        this.store = new JdbcBucketStore(jdbc, clock);
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Takes one token from the bucket {@code name} (created with {@code configuration} on first use). */
    public ConsumptionProbe tryConsume(String name, Supplier<BucketConfiguration> configuration) {
        if (sincePrune.incrementAndGet() >= PRUNE_EVERY) {
            sincePrune.set(0);
            prune();
        }
        return store.builder().build(name, configuration).tryConsumeAndReturnRemaining(1);
    }

    /** Removes buckets idle for longer than {@link #IDLE}; returns how many. */
    public int prune() {
        return jdbc.sql("DELETE FROM rate_limit_bucket WHERE updated_at < :oldest")
                .param("oldest", Timestamp.from(clock.instant().minus(IDLE)))
                .update();
    }
}
