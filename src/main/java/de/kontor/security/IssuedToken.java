package de.kontor.security;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** A freshly created API token: the only moment its value is known. */
public record IssuedToken(
        ApiToken token, String value, @Nullable Instant expiresAt) {}
