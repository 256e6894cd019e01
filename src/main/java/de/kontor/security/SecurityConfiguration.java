package de.kontor.security;

import de.kontor.access.AccessService;
import de.kontor.base.api.ProblemResponses;
import de.kontor.base.audit.AuditService;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.time.Clock;

/**
 * The API filter chain: {@code /api/**} (except the API docs) and the actuator are stateless: bearer
 * tokens, no session, errors as problem+json; endpoints declare their audience with
 * {@code @AdminOnly}, {@code @SignedIn} or {@code @PublicEndpoint}. The UI chain is in
 * {@code security.ui}.
 * <p>
 * Module APIs with their own credentials (license clients, tally terminals) register their own chains
 * with a higher precedence.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    /** Order of the API chain; module chains for their own APIs use lower numbers. */
    static final int API_CHAIN_ORDER = 50;

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    KontorUserDetailsService kontorUserDetailsService(UserAccountRepository users) {
        return new KontorUserDetailsService(users);
    }

    @Bean
    AuthenticationManager authenticationManager(
            KontorUserDetailsService details,
            PasswordEncoder encoder,
            LoginAttempts attempts,
            UserService users,
            AuditService audit,
            TwoFactorAccounts twoFactor,
            AccessService access,
            Clock clock) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(details);
        dao.setPasswordEncoder(encoder);
        return new ProviderManager(
                new ThrottlingAuthenticationProvider(dao, details, attempts, users, audit, twoFactor, access, clock));
    }

    @Bean
    @Order(API_CHAIN_ORDER)
    SecurityFilterChain apiSecurity(
            HttpSecurity http, UserService users, AuthenticationManager manager, SecurityContextHolderStrategy contexts)
            throws Exception {
        RequestMatcher api = request -> {
            String path = pathOf(request);
            return (path.startsWith("/api/") && !isApiDocumentation(path)) || path.startsWith("/actuator");
        };
        StatelessApiChains.stateless(http.securityMatcher(api))
                .authenticationManager(manager)
                .anonymous(a -> a.principal("anonymous"))
                .addFilterBefore(new BearerTokenFilter(users, contexts), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.POST, "/api/auth/token")
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole(Role.ADMIN_NAME)
                        .anyRequest()
                        .authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> ProblemResponses.write(
                                request,
                                response,
                                HttpStatus.UNAUTHORIZED,
                                "UNAUTHORIZED",
                                "Authentication required: send Authorization: Bearer <token>."))
                        .accessDeniedHandler((request, response, ex) -> ProblemResponses.write(
                                request,
                                response,
                                HttpStatus.FORBIDDEN,
                                "FORBIDDEN",
                                "Your role does not allow this request.")));
        return http.build();
    }

    /** Security headers on every answer, before any other filter (see {@link SecurityHeaders}). */
    @Bean
    FilterRegistrationBean<SecurityHeaders> securityHeaders() {
        var registration = new FilterRegistrationBean<>(new SecurityHeaders());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** Swagger UI and the OpenAPI document are pages for signed-in admins, served by the UI chain. */
    static boolean isApiDocumentation(String path) {
        return path.startsWith("/api/docs") || path.startsWith("/api/swagger-ui");
    }

    private static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
