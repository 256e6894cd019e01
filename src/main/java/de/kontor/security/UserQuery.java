package de.kontor.security;

import org.jspecify.annotations.Nullable;

/** A filter over user accounts: free text over user name, display name and e-mail; optional role. */
public record UserQuery(@Nullable String text, @Nullable Role role, boolean includeDisabled) {

    public static UserQuery all() {
        return new UserQuery(null, null, true);
    }
}
