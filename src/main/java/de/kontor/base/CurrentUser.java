package de.kontor.base;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** Who is signed in on this thread (UI request, API call, or a background task that carries the context). */
public final class CurrentUser {

    private CurrentUser() {}

    /** The signed-in user's name; empty for anonymous requests and Kontor's own background work. */
    public static Optional<String> username() {
        return authentication().map(Authentication::getName);
    }

    /** The signed-in person's name to show, falling back to the user name. */
    public static Optional<String> displayName() {
        return authentication()
                .map(a -> a.getPrincipal() instanceof DisplayNamed named ? named.displayName() : a.getName());
    }

    /** Whether the signed-in user has the role ({@code "ADMIN"}, not {@code "ROLE_ADMIN"}). */
    public static boolean hasRole(String role) {
        String authority = "ROLE_" + role;
        return authentication()
                .map(a -> a.getAuthorities().stream().anyMatch(g -> authority.equals(g.getAuthority())))
                .orElse(false);
    }

    private static Optional<Authentication> authentication() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(auth);
    }
}
