package de.kontor.security;

import org.jspecify.annotations.Nullable;

/**
 * What {@code POST /api/auth/token} sends along with user name and password: the client's address (for
 * the login throttling) and the TOTP code, if the client gave one.
 */
public record ApiSignInDetails(
        @Nullable String remoteAddress, @Nullable String totp) {}
