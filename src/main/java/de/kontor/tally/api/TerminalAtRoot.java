package de.kontor.tally.api;

import de.kontor.tally.TallyProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Serves the terminal API at {@code /} too ({@code kontor.tally.api.at-root=true}), for terminal clients
 * configured without a path prefix: before anything else (Spring Security included) sees the request,
 * a contract path such as {@code /nfc-transaktion} is rewritten to {@code <base path>/nfc-transaktion}, so
 * the terminal API's own security chain and controller handle it. {@code /users} is also the admin's user
 * list in the browser, so it is rewritten only for requests with an {@code X-API-Key} or that do not ask
 * for HTML.
 */
@Configuration(proxyBeanMethods = false)
class TerminalAtRoot {

    private static final Set<String> EXACT = Set.of(
            "/health", "/health-protected", "/version", "/saldo-alle", "/transaktionen", "/nfc-transaktion", "/person");
    private static final Pattern PERSON = Pattern.compile("/person/.+");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> tallyTerminalAtRoot(TallyProperties properties) {
        boolean enabled = properties.api().atRoot();
        String basePath = properties.api().basePath();
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Rewrite(basePath));
        // before the address blocks (which look at the rewritten path) and Spring Security
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 8);
        registration.setEnabled(enabled && !basePath.isEmpty() && !"/".equals(basePath));
        registration.addUrlPatterns("/*");
        return registration;
    }

    static boolean isTerminalPath(HttpServletRequest request, String path) {
        if (EXACT.contains(path) || PERSON.matcher(path).matches()) {
            return true;
        }
        if ("/users".equals(path)) {
            String accept = request.getHeader("Accept");
            return request.getHeader("X-API-Key") != null || accept == null || !accept.contains("text/html");
        }
        return false;
    }

    static final class Rewrite extends OncePerRequestFilter {

        private final String basePath;

        Rewrite(String basePath) {
            this.basePath = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            if (!isTerminalPath(request, path)) {
                chain.doFilter(request, response);
                return;
            }
            String rewritten = basePath + path;
            chain.doFilter(
                    new HttpServletRequestWrapper(request) {
                        @Override
                        public String getRequestURI() {
                            return request.getContextPath() + rewritten;
                        }

                        @Override
                        public StringBuffer getRequestURL() {
                            StringBuffer url = new StringBuffer(request.getRequestURL());
                            url.setLength(url.length() - path.length());
                            return url.append(rewritten);
                        }

                        @Override
                        public String getServletPath() {
                            return rewritten;
                        }

                        @Override
                        public String getPathInfo() {
                            return null;
                        }
                    },
                    response);
        }
    }
}
