package de.kontor.monitoring.api;

import de.kontor.base.api.BearerToken;
import de.kontor.base.api.ProblemResponses;
import de.kontor.monitoring.MonitoringService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * {@code Authorization: Bearer <node token>} on the agent endpoint: an active node's token authenticates
 * as that node (role NODE); anything else is answered 401 at once, before the body is read.
 */
final class NodeTokenFilter extends OncePerRequestFilter {

    static final String ROLE = "NODE";

    private final MonitoringService monitoring;

    NodeTokenFilter(MonitoringService monitoring) {
        this.monitoring = monitoring;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Long> node = BearerToken.of(request).flatMap(monitoring::authenticateNode);
        if (node.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            ProblemResponses.write(
                    request,
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "INVALID_NODE_TOKEN",
                    "Send the node's token as 'Authorization: Bearer <token>'; it is unknown, replaced or the "
                            + "node is archived.");
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new NodePrincipal(node.get()), null, AuthorityUtils.createAuthorityList("ROLE_" + ROLE)));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
