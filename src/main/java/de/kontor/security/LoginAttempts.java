package de.kontor.security;

import de.kontor.access.AccessService;
import de.kontor.access.LoginLimits;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * Counts failed logins per account and per client address: {@code max-failures} within {@code window}
 * lock further attempts for that account or address for {@code lock-duration}. The counters live in the
 * database ({@link AccessService}), so every node of a cluster counts together and honours the same locks,
 * and the admin sees and lifts them under "Blocked addresses".
 */
@Component
class LoginAttempts {

    private final LoginLimits limits;
    private final AccessService access;

    LoginAttempts(SecurityProperties properties, AccessService access) {
        this.limits = new LoginLimits(
                properties.login().maxFailures(),
                properties.login().window(),
                properties.login().lockDuration());
        this.access = access;
    }

    /** How long the account or address is still locked, if it is. */
    Optional<Duration> lockRemaining(String username, @Nullable String address) {
        return access.loginLockRemaining(username, address);
    }

    /** Records a failure; returns whether the account or address is locked now. */
    boolean failed(String username, @Nullable String address) {
        return access.loginFailed(username, address, limits);
    }

    /** A successful login clears the account's failures (not the address's: one good account must not
     * let an address go on guessing others). */
    void succeeded(String username) {
        access.loginSucceeded(username);
    }

    Duration lockDuration() {
        return limits.lockDuration();
    }
}
