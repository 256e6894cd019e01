package de.kontor.security;

import org.springframework.security.core.AuthenticationException;

import java.util.Locale;

/**
 * The password was right, but the account signs in with a second factor: it was missing, wrong, or the
 * account must set up two-factor sign-in before it may get an API token.
 */
public class SecondFactorException extends AuthenticationException {

    /** What is wrong with the second factor. */
    public enum Reason {
        /** No code was sent. */
        REQUIRED,
        /** The code is wrong, expired or was used before. */
        INVALID,
        /** The account must set up two-factor sign-in first (required for admins). */
        ENROLMENT_REQUIRED
    }

    private final Reason reason;

    public SecondFactorException(Reason reason) {
        super("Second factor " + reason.name().toLowerCase(Locale.ROOT));
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
