package de.kontor.security;

import de.kontor.base.audit.AuditService;
import de.kontor.base.error.DomainException;
import de.kontor.base.settings.AppSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Two-factor sign-in of accounts: enrolment with a confirming code, recovery codes, switching it off,
 * an admin's reset, the admins' obligation, the second step of a sign-in, and the step-up confirmation
 * that dangerous actions ask for. Behind {@link UserService}.
 */
@Component
class TwoFactorAccounts {

    /** The stored setting "every admin signs in with two factors". */
    static final String REQUIRED_FOR_ADMINS = "security.two-factor.required-for-admins";
    /** How long a second-factor confirmation lets dangerous actions through. */
    static final Duration STEP_UP_WINDOW = Duration.ofMinutes(10);

    private static final String MODULE = "security";

    private final UserAccountRepository users;
    private final TwoFactor twoFactor;
    private final PasswordEncoder encoder;
    private final LoginAttempts attempts;
    private final AuditService audit;
    private final AppSettings settings;
    private final Clock clock;

    TwoFactorAccounts(
            UserAccountRepository users,
            TwoFactor twoFactor,
            PasswordEncoder encoder,
            LoginAttempts attempts,
            AuditService audit,
            AppSettings settings,
            Clock clock) {
        this.users = users;
        this.twoFactor = twoFactor;
        this.encoder = encoder;
        this.attempts = attempts;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    TotpEnrolment start(UserAccount me) {
        if (me.hasTwoFactor()) {
            throw DomainException.conflict("TOTP_ALREADY_ENABLED", "twoFactor.error.alreadyEnabled");
        }
        String secret = Totp.newSecret();
        me.startTotpEnrolment(secret, clock.instant());
        return new TotpEnrolment(secret, Totp.otpauthUri(secret, me.getUsername()));
    }

    /** Switches two-factor sign-in on with the first code of the new key; returns the recovery codes. */
    @Transactional
    List<String> confirm(UserAccount me, String code) {
        if (me.getTotpPending() == null) {
            throw DomainException.conflict("TOTP_NOT_STARTED", "twoFactor.error.notStarted");
        }
        if (!twoFactor.verifyPending(me, code)) {
            throw DomainException.invalidField("code", "TOTP_INVALID", "twoFactor.error.invalid");
        }
        me.confirmTotp(clock.instant());
        List<String> codes = twoFactor.newRecoveryCodes(me.getId());
        audit.record(MODULE, "User", me.getId(), "ENABLE_2FA", me.getUsername() + " switched on two-factor sign-in");
        markConfirmed();
        return codes;
    }

    @Transactional(noRollbackFor = DomainException.class)
    void disable(UserAccount me, String password, String code) {
        if (!encoder.matches(password, me.getPasswordHash())) {
            throw DomainException.invalidField("password", "WRONG_PASSWORD", "account.error.wrongPassword");
        }
        if (!me.hasTwoFactor()) {
            throw DomainException.conflict("TOTP_NOT_ENABLED", "twoFactor.error.notEnabled");
        }
        if (me.hasRole(Role.ADMIN) && requiredForAdmins()) {
            throw DomainException.conflict("TOTP_REQUIRED_FOR_ADMINS", "twoFactor.error.requiredForAdmins");
        }
        if (!twoFactor.verify(me, code)) {
            attempts.failed(me.getUsername(), null);
            throw DomainException.invalidField("code", "TOTP_INVALID", "twoFactor.error.invalid");
        }
        me.removeTotp(clock.instant());
        twoFactor.forget(me.getId());
        audit.record(MODULE, "User", me.getId(), "DISABLE_2FA", me.getUsername() + " switched off two-factor sign-in");
    }

    /** An admin takes another user's second factor away (lost phone): they sign in with the password alone. */
    @Transactional
    void reset(UserAccount target) {
        requireStepUp();
        if (!target.hasTwoFactor() && target.getTotpPending() == null) {
            return;
        }
        target.removeTotp(clock.instant());
        twoFactor.forget(target.getId());
        audit.record(
                MODULE,
                "User",
                target.getId(),
                "RESET_2FA",
                "Two-factor sign-in of " + target.getUsername() + " reset by an admin");
    }

    @Transactional
    List<String> newRecoveryCodes(UserAccount me, String code) {
        if (!me.hasTwoFactor()) {
            throw DomainException.conflict("TOTP_NOT_ENABLED", "twoFactor.error.notEnabled");
        }
        if (!twoFactor.verifyTotpOnly(me, code)) {
            throw DomainException.invalidField("code", "TOTP_INVALID", "twoFactor.error.invalid");
        }
        List<String> codes = twoFactor.newRecoveryCodes(me.getId());
        audit.record(MODULE, "User", me.getId(), "RECOVERY_CODES", me.getUsername() + " made new recovery codes");
        return codes;
    }

    @Transactional(readOnly = true)
    int unusedRecoveryCodes(UserAccount me) {
        return twoFactor.unusedRecoveryCodes(me.getId());
    }

    @Transactional(readOnly = true)
    boolean requiredForAdmins() {
        return settings.flag(REQUIRED_FOR_ADMINS, false);
    }

    @Transactional
    void requireForAdmins(boolean required) {
        settings.set(MODULE, REQUIRED_FOR_ADMINS, Boolean.toString(required));
    }

    /** An admin without a second factor while admins must have one: enrols before doing anything else. */
    boolean mustEnrol(UserAccount account) {
        return account.isEnabled() && account.hasRole(Role.ADMIN) && !account.hasTwoFactor() && requiredForAdmins();
    }

    /**
     * The second step of a sign-in whose password was right: a TOTP code or an unused recovery code. A wrong
     * code counts toward the login lock like a wrong password; a right one ends the sign-in.
     */
    @Transactional(noRollbackFor = AuthenticationException.class)
    UserAccount checkSignIn(String username, @Nullable String address, String code) {
        var lock = attempts.lockRemaining(username, address);
        if (lock.isPresent()) {
            throw new LoginLockedException(lock.get());
        }
        UserAccount account = users.findByUsername(username)
                .filter(UserAccount::isEnabled)
                .orElseThrow(() -> new SecondFactorException(SecondFactorException.Reason.INVALID));
        if (!twoFactor.verify(account, code)) {
            boolean lockedNow = attempts.failed(username, address);
            audit.recordAs(
                    username,
                    MODULE,
                    "User",
                    account.getId(),
                    lockedNow ? "LOGIN_LOCKED" : "LOGIN_FAILED",
                    (lockedNow ? "Login locked after repeated failures for " : "Wrong second factor for ")
                            + username
                            + (address == null ? "" : " from " + address),
                    List.of());
            if (lockedNow) {
                throw new LoginLockedException(attempts.lockDuration());
            }
            throw new SecondFactorException(SecondFactorException.Reason.INVALID);
        }
        attempts.succeeded(username);
        users.markLoggedIn(username, clock.instant());
        return account;
    }

    /** Refuses (403 {@code STEP_UP_REQUIRED}) unless the caller proved the second factor within ten minutes. */
    void requireStepUp() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        Instant at = auth != null && auth.getDetails() instanceof StepUpDetails d ? d.confirmedAt() : null;
        if (at == null || at.isBefore(clock.instant().minus(STEP_UP_WINDOW))) {
            throw new DomainException(HttpStatus.FORBIDDEN.value(), "STEP_UP_REQUIRED", "stepUp.error.required");
        }
    }

    /** The signed-in user confirms with a current TOTP code; a wrong one counts toward the login lock. */
    @Transactional(noRollbackFor = DomainException.class)
    void confirmStepUp(UserAccount me, String code) {
        if (!me.hasTwoFactor()) {
            throw DomainException.conflict("TOTP_NOT_ENABLED", "stepUp.error.noTwoFactor");
        }
        if (!twoFactor.verifyTotpOnly(me, code)) {
            attempts.failed(me.getUsername(), null);
            throw DomainException.invalidField("code", "TOTP_INVALID", "twoFactor.error.invalid");
        }
        markConfirmed();
    }

    /** Notes in the caller's authentication that the second factor was proved just now. */
    private void markConfirmed() {
        SecurityContext context = SecurityContextHolder.getContext();
        Authentication auth = context.getAuthentication();
        if (auth == null) {
            return;
        }
        if (auth.getDetails() instanceof StepUpDetails details) {
            details.confirmed(clock.instant());
            return;
        }
        var confirmed =
                UsernamePasswordAuthenticationToken.authenticated(auth.getPrincipal(), null, auth.getAuthorities());
        confirmed.setDetails(new StepUpDetails(null, clock.instant()));
        context.setAuthentication(confirmed);
    }
}
