package de.kontor.security;

import org.jspecify.annotations.Nullable;

/**
 * A filter over the session registry.
 *
 * @param user a user name, display name or part of one; null for everyone
 * @param kind {@code UI} or {@code API}; null for both
 * @param includeEnded whether ended and expired sessions are listed too
 */
public record SessionQuery(@Nullable String user, @Nullable String kind, boolean includeEnded) {

    public static SessionQuery active() {
        return new SessionQuery(null, null, false);
    }
}
