package de.kontor.base.api;

import de.kontor.base.db.DatabaseUnavailable;
import de.kontor.base.i18n.KontorI18NProvider;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * {@code /api/**} and {@code /actuator/**} while the database cannot be reached: 503 problem+json with
 * code {@value #CODE}, also when the failure happens before any controller (the bearer token cannot be
 * looked up). Without this, the error would be dispatched to {@code /error}, which belongs to the UI's
 * filter chain and answers API clients with a redirect to the login page.
 */
final class DatabaseUnavailableFilter extends OncePerRequestFilter {

    static final String CODE = "DATABASE_UNAVAILABLE";
    /** Seconds a client should wait before it retries: about one restart of the embedded server. */
    static final String RETRY_AFTER_SECONDS = "5";

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    private final MessageSource messages;

    DatabaseUnavailableFilter(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/api/") && !path.startsWith("/actuator");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!DatabaseUnavailable.isCause(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("{} {}: database unavailable ({})", request.getMethod(), request.getRequestURI(), e.toString());
            response.reset();
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            ProblemResponses.write(
                    request,
                    response,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    CODE,
                    messages.getMessage(
                            "api.databaseUnavailable", null, KontorI18NProvider.supported(request.getLocale())));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        /** Outside Spring Security's filter, so that failures inside it are seen. */
        @Bean
        FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(MessageSource messages) {
            var registration = new FilterRegistrationBean<>(new DatabaseUnavailableFilter(messages));
            registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
            registration.addUrlPatterns("/api/*", "/actuator/*", "/actuator");
            return registration;
        }
    }
}
