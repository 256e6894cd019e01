package de.kontor.license;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Hands out a lease signed moments ago again instead of signing a new one: an Ed25519 signature from
 * the JDK costs about 0.6 ms of CPU, more than everything else a verification does. A lease is reused
 * only for the same activation with exactly the same claims (terms, device, product rules) and only
 * within the reuse window, so a client's offline time is at most that window shorter than the grace
 * period. Per node, in memory. {@code kontor.license.lease-reuse=0s} turns it off.
 */
@Component
class LeaseReuse {

    private record Entry(Map<String, Object> claims, int graceDays, Instant issuedAt, Lease lease) {}

    private final Duration window;
    private final Clock clock;
    private final Cache<Long, Entry> byActivation;

    LeaseReuse(LicenseSettings settings, Clock clock) {
        Duration window = settings.leaseReuse();
        this.window = window;
        this.clock = clock;
        this.byActivation = Caffeine.newBuilder()
                .maximumSize(window.isZero() ? 0 : 200_000)
                .expireAfterWrite(window.isZero() ? Duration.ofSeconds(1) : window)
                .ticker(() -> clock.millis() * 1_000_000L)
                .build();
    }

    /**
     * The lease for these claims (without {@code iat}/{@code exp}): a reused one if it was issued for the
     * same activation and claims within the window, else a fresh one from {@code sign}.
     */
    Lease lease(long activationId, Map<String, Object> claims, int graceDays, Supplier<Lease> sign) {
        Instant now = clock.instant();
        if (!window.isZero()) {
            Entry entry = byActivation.getIfPresent(activationId);
            if (entry != null
                    && entry.graceDays() == graceDays
                    && entry.claims().equals(claims)
                    && !now.isBefore(entry.issuedAt())
                    && now.isBefore(entry.issuedAt().plus(window))
                    && now.isBefore(entry.lease().validUntil())) {
                return entry.lease();
            }
        }
        Lease lease = sign.get();
        if (!window.isZero()) {
            byActivation.put(
                    activationId,
                    new Entry(Collections.unmodifiableMap(new LinkedHashMap<>(claims)), graceDays, now, lease));
        }
        return lease;
    }
}
