package de.kontor.security;

import org.springframework.security.core.AuthenticationException;

import java.time.Duration;

/** Too many failed logins: further attempts are refused until the lock ends. */
public class LoginLockedException extends AuthenticationException {

    private final Duration remaining;

    public LoginLockedException(Duration remaining) {
        super("Too many failed login attempts; locked for " + remaining.toMinutes() + " more minutes");
        this.remaining = remaining;
    }

    public Duration remaining() {
        return remaining;
    }

    /** Whole minutes left, rounded up, at least 1. */
    public long minutesLeft() {
        return Math.max(1, (remaining.getSeconds() + 59) / 60);
    }
}
