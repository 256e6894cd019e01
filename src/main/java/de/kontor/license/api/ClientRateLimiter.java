package de.kontor.license.api;

import de.kontor.base.ratelimit.SharedBuckets;
import de.kontor.license.LicenseSettings;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Requests per minute per client address and per license key (Bucket4j token buckets refilled all at
 * once every minute, so the 101st request within a minute is refused). The buckets live in the database
 * ({@link SharedBuckets}): every node of a cluster takes from the same budget.
 */
@Component
class ClientRateLimiter {

    /** The outcome of taking one request out of a bucket. */
    record Decision(boolean allowed, long limit, long remaining, long retryAfterSeconds) {}

    private final long perAddress;
    private final long perKey;
    private final SharedBuckets buckets;

    ClientRateLimiter(LicenseSettings settings, SharedBuckets buckets) {
        this.buckets = buckets;
        this.perAddress = settings.rateLimit().perAddress();
        this.perKey = settings.rateLimit().perKey();
    }

    Decision byAddress(String address) {
        return take("ip:" + address, perAddress);
    }

    Decision byLicenseKey(String key) {
        return take("key:" + key, perKey);
    }

    private Decision take(String name, long perMinute) {
        ConsumptionProbe probe = buckets.tryConsume(
                "license:" + name,
                () -> BucketConfiguration.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(perMinute)
                                .refillIntervally(perMinute, Duration.ofMinutes(1))
                                .build())
                        .build());
        long retry =
                probe.isConsumed() ? 0 : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000);
        return new Decision(probe.isConsumed(), perMinute, probe.getRemainingTokens(), retry);
    }
}
