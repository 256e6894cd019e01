package de.kontor.security;

import org.jspecify.annotations.Nullable;

/** A new account, and its generated password if one was generated (shown once, never stored in clear). */
public record CreatedUser(UserAccount account, @Nullable String generatedPassword) {}
