package de.kontor.base;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** Who is signed in on this thread (UI request, API call, or a background task that carries the context). */
public final class CurrentUser {

    private static final String ADMIN = "ADMIN";
    private static final String VIEWER = "VIEWER";

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

    /**
     * Whether the signed-in user sees the admin views and data: admins, and viewers, who see them read-only.
     */
    public static boolean seesAdminData() {
        return hasRole(ADMIN) || hasRole(VIEWER);
    }

    /**
     * Whether the signed-in user may change what they see: everyone but a viewer (the read-only role).
     * Views hide or disable their write actions when this is false; services refuse the writes anyway.
     */
    public static boolean canWrite() {
        return !isViewer();
    }

    /** A viewer: sees the admin views and exports, changes nothing but their own account. */
    public static boolean isViewer() {
        return hasRole(VIEWER) && !hasRole(ADMIN);
    }

    private static Optional<Authentication> authentication() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(auth);
    }
}
