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

/** {@code Authorization: Bearer <scrape token>} on the Prometheus endpoints (role SCRAPER), else 401. */
final class ScrapeTokenFilter extends OncePerRequestFilter {

    static final String ROLE = "SCRAPER";

    private final MonitoringService monitoring;

    ScrapeTokenFilter(MonitoringService monitoring) {
        this.monitoring = monitoring;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (BearerToken.of(request).filter(monitoring::acceptsScrapeToken).isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"prometheus\"");
            ProblemResponses.write(
                    request,
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "INVALID_SCRAPE_TOKEN",
                    "Send a scrape token (Monitoring → Prometheus, or kontor.monitoring.scrape-token) as "
                            + "'Authorization: Bearer <token>'.");
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "prometheus", null, AuthorityUtils.createAuthorityList("ROLE_" + ROLE)));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
