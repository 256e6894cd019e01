package de.kontor.security;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per account and per client address: {@code max-failures} within {@code window}
 * lock further attempts for that account or address for {@code lock-duration}. Kept in memory: a
 * restart forgets it, and in a cluster each node counts on its own (so the effective limit is per node).
 */
@Component
class LoginAttempts {

    private static final int PRUNE_ABOVE = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Duration lockDuration;
    private final Clock clock;
    private final Map<String, Tracker> byAccount = new ConcurrentHashMap<>();
    private final Map<String, Tracker> byAddress = new ConcurrentHashMap<>();

    LoginAttempts(SecurityProperties properties, Clock clock) {
        this.maxFailures = properties.login().maxFailures();
        this.window = properties.login().window();
        this.lockDuration = properties.login().lockDuration();
        this.clock = clock;
    }

    /** How long the account or address is still locked, if it is. */
    Optional<Duration> lockRemaining(String username, @Nullable String address) {
        Instant now = clock.instant();
        Duration account = remaining(byAccount.get(key(username)), now);
        Duration remote = address == null ? Duration.ZERO : remaining(byAddress.get(address), now);
        Duration longest = account.compareTo(remote) >= 0 ? account : remote;
        return longest.isPositive() ? Optional.of(longest) : Optional.empty();
    }

    /** Records a failure; returns whether the account or address is locked now. */
    boolean failed(String username, @Nullable String address) {
        Instant now = clock.instant();
        prune(now);
        boolean locked =
                byAccount.computeIfAbsent(key(username), k -> new Tracker()).fail(now);
        if (address != null) {
            locked |= byAddress.computeIfAbsent(address, k -> new Tracker()).fail(now);
        }
        return locked;
    }

    /** A successful login clears the account's failures (not the address's: one good account must not
     * let an address go on guessing others). */
    void succeeded(String username) {
        byAccount.remove(key(username));
    }

    Duration lockDuration() {
        return lockDuration;
    }

    private static String key(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    private static Duration remaining(@Nullable Tracker tracker, Instant now) {
        return tracker == null ? Duration.ZERO : tracker.lockRemaining(now);
    }

    private void prune(Instant now) {
        if (byAccount.size() + byAddress.size() > PRUNE_ABOVE) {
            byAccount.values().removeIf(t -> t.idle(now));
            byAddress.values().removeIf(t -> t.idle(now));
        }
    }

    private final class Tracker {
        private final Deque<Instant> failures = new ArrayDeque<>();
        private @Nullable Instant lockedUntil;

        synchronized boolean fail(Instant now) {
            if (lockedUntil != null && lockedUntil.isAfter(now)) {
                return true;
            }
            Instant oldest = now.minus(window);
            while (!failures.isEmpty() && !failures.peekFirst().isAfter(oldest)) {
                failures.pollFirst();
            }
            failures.addLast(now);
            if (failures.size() >= maxFailures) {
                lockedUntil = now.plus(lockDuration);
                failures.clear();
                return true;
            }
            return false;
        }

        synchronized Duration lockRemaining(Instant now) {
            return lockedUntil == null || !lockedUntil.isAfter(now)
                    ? Duration.ZERO
                    : Duration.between(now, lockedUntil);
        }

        synchronized boolean idle(Instant now) {
            return (lockedUntil == null || !lockedUntil.isAfter(now))
                    && (failures.isEmpty() || !failures.peekLast().isAfter(now.minus(window)));
        }
    }
}
