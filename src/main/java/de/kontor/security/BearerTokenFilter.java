package de.kontor.security;

import de.kontor.base.api.BearerToken;
import de.kontor.base.api.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * {@code Authorization: Bearer <token>} on API requests. A token that is present but invalid is
 * answered with 401 at once (problem+json); a missing token leaves the decision to the authorization
 * rules (public endpoints stay reachable, the rest answer 401).
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final UserService users;
    private final SecurityContextHolderStrategy contexts;

    BearerTokenFilter(UserService users, SecurityContextHolderStrategy contexts) {
        this.users = users;
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> token = BearerToken.of(request);
        if (token.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        var authentication = users.authenticateToken(token.get());
        if (authentication.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            ProblemResponses.write(
                    request,
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "INVALID_TOKEN",
                    "The bearer token is unknown, expired or revoked.");
            return;
        }
        var context = contexts.createEmptyContext();
        context.setAuthentication(authentication.get());
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }
}
