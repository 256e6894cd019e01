package de.kontor.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;

import java.io.Serial;
import java.time.Instant;
import java.util.List;

/**
 * A sign-in on the login form whose password was right, waiting for the second factor. It grants nothing:
 * the web UI keeps it apart from the security context and asks for the code on its own page.
 */
public final class PendingSignIn extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String username;
    private final @Nullable String address;
    private final Instant passwordCheckedAt;

    PendingSignIn(String username, @Nullable String address, Instant passwordCheckedAt) {
        super(List.of());
        this.username = username;
        this.address = address;
        this.passwordCheckedAt = passwordCheckedAt;
        super.setAuthenticated(false);
    }

    public String username() {
        return username;
    }

    public @Nullable String address() {
        return address;
    }

    public Instant passwordCheckedAt() {
        return passwordCheckedAt;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return username;
    }

    @Override
    public void setAuthenticated(boolean authenticated) {
        if (authenticated) {
            throw new IllegalArgumentException("A pending sign-in is never authenticated");
        }
        super.setAuthenticated(false);
    }
}
