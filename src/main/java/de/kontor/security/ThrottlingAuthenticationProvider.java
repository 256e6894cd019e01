package de.kontor.security;

import de.kontor.access.AccessService;
import de.kontor.base.audit.AuditService;
import de.kontor.base.db.DatabaseUnavailable;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Username/password authentication with login throttling, used by the login form and by
 * {@code POST /api/auth/token} alike. Failures and lockouts go to the audit log. Blocked addresses are
 * refused before the password is looked at; an admin outside the admin networks after it.
 */
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider delegate;
    private final KontorUserDetailsService accounts;
    private final LoginAttempts attempts;
    private final UserService users;
    private final AuditService audit;
    private final TwoFactorAccounts twoFactor;
    private final AccessService access;
    private final Clock clock;

    ThrottlingAuthenticationProvider(
            DaoAuthenticationProvider delegate,
            KontorUserDetailsService accounts,
            LoginAttempts attempts,
            UserService users,
            AuditService audit,
            TwoFactorAccounts twoFactor,
            AccessService access,
            Clock clock) {
        this.delegate = delegate;
        this.accounts = accounts;
        this.attempts = attempts;
        this.users = users;
        this.audit = audit;
        this.twoFactor = twoFactor;
        this.access = access;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username =
                authentication.getName() == null ? "" : authentication.getName().strip();
        String address = address(authentication);
        // User name and e-mail address of one account share one counter.
        String account;
        Optional<Duration> lock;
        try {
            account = accounts.accountKey(username);
            if (access.isBlocked(address)) {
                throw new AddressBlockedException();
            }
            lock = attempts.lockRemaining(account, address);
        } catch (AddressBlockedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw passwordNotChecked(e);
        }
        if (lock.isPresent()) {
            throw new LoginLockedException(lock.get());
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            return secondStep(authentication, result.getName(), account, address);
        } catch (InternalAuthenticationServiceException e) {
            throw passwordNotChecked(e);
        } catch (BadCredentialsException | DisabledException e) {
            boolean lockedNow = attempts.failed(account, address);
            audit.recordAs(
                    safe(username),
                    "security",
                    "User",
                    null,
                    lockedNow ? "LOGIN_LOCKED" : "LOGIN_FAILED",
                    (lockedNow ? "Login locked after repeated failures for " : "Failed login for ")
                            + safe(username)
                            + (address == null ? "" : " from " + address),
                    List.of());
            if (lockedNow) {
                throw new LoginLockedException(attempts.lockDuration());
            }
            // Disabled accounts get the same answer as wrong passwords: nothing to learn for a guesser.
            throw new BadCredentialsException("Bad credentials");
        }
    }

    /**
     * The password was right. An account with two-factor sign-in needs its code too: the API sends it along
     * (a wrong one counts toward the lock, checked there), the login form asks for it on a page of its own
     * (a {@link PendingSignIn} grants nothing meanwhile, and the failures counted so far stay).
     */
    private Authentication secondStep(
            Authentication attempt, String username, String accountKey, @Nullable String address) {
        UserAccount account = users.findByUsername(username).orElseThrow(() -> new BadCredentialsException("Gone"));
        if (account.hasRole(Role.ADMIN) && !access.adminSignInAllowed(address)) {
            audit.recordAs(
                    username,
                    "security",
                    "User",
                    account.getId(),
                    "LOGIN_REFUSED",
                    "Admin sign-in of " + username + " refused from " + address + ", outside the admin networks",
                    List.of());
            throw new AddressBlockedException();
        }
        boolean api = attempt.getDetails() instanceof ApiSignInDetails;
        if (account.hasTwoFactor()) {
            if (!(attempt.getDetails() instanceof ApiSignInDetails details)) {
                return new PendingSignIn(username, address, clock.instant());
            }
            if (details.totp() == null || details.totp().isBlank()) {
                throw new SecondFactorException(SecondFactorException.Reason.REQUIRED);
            }
            UserAccount checked = twoFactor.checkSignIn(username, address, details.totp());
            return UserService.authenticated(checked, new StepUpDetails(address, clock.instant()));
        }
        if (api && users.mustEnrolTwoFactor(account)) {
            throw new SecondFactorException(SecondFactorException.Reason.ENROLMENT_REQUIRED);
        }
        attempts.succeeded(accountKey);
        users.recordLogin(username);
        return UserService.authenticated(account, new StepUpDetails(address, null));
    }

    /**
     * With the database unavailable the password cannot be checked: that is no failed attempt, and as a
     * plain service failure (not Spring's "internal" one, logged with a stack trace per attempt) the login
     * form and the token endpoint answer "database unavailable".
     */
    private static RuntimeException passwordNotChecked(RuntimeException e) {
        if (!DatabaseUnavailable.isCause(e)) {
            return e;
        }
        return new AuthenticationServiceException(
                e.getMessage(), e instanceof InternalAuthenticationServiceException ? e.getCause() : e);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static @Nullable String address(Authentication authentication) {
        if (authentication.getDetails() instanceof ApiSignInDetails api) {
            return api.remoteAddress();
        }
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
    }

    private static String safe(String username) {
        String s = username.length() > 100 ? username.substring(0, 100) : username;
        return s.isEmpty() ? "(empty)" : s;
    }
}
