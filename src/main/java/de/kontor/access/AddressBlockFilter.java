package de.kontor.access;

import de.kontor.base.api.ProblemResponses;
import de.kontor.base.db.DatabaseUnavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses every API request (sign-in with {@code POST /api/auth/token} included) from a blocked address with
 * 403 {@code ADDRESS_BLOCKED}, before any credential is looked at. The client address is the one Tomcat
 * settled on, so a forwarded header counts only from a trusted proxy. The public health check
 * ({@code /actuator/health}) lies outside {@code /api} and stays reachable.
 */
class AddressBlockFilter extends OncePerRequestFilter {

    private final AccessService access;

    AddressBlockFilter(AccessService access) {
        this.access = access;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (blocked(request)) {
            ProblemResponses.write(
                    request,
                    response,
                    HttpStatus.FORBIDDEN,
                    "ADDRESS_BLOCKED",
                    "Requests from this address are blocked. Ask the administrator of this Kontor.");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Without the database the rules cannot be read: the request goes on and meets "database unavailable". */
    private boolean blocked(HttpServletRequest request) {
        try {
            return access.isBlocked(request.getRemoteAddr());
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.isCause(e)) {
                return false;
            }
            throw e;
        }
    }
}
