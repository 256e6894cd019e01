package de.kontor.security;

import de.kontor.base.api.ProblemResponses;
import de.kontor.base.audit.AuditService;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two filter chains. {@code /api/**} (except the API docs) and the actuator are stateless: bearer
 * tokens, no session, errors as problem+json. Everything else is the Vaadin UI with form login and a
 * session; Vaadin's navigation access control enforces each view's annotation, and anything that is
 * not a view or a listed resource is denied.
 * <p>
 * Module APIs with their own credentials (license clients, tally terminals) register their own chains
 * with a higher precedence.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
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
    AuthenticationManager authenticationManager(KontorUserDetailsService details, PasswordEncoder encoder,
                                                LoginAttempts attempts, UserService users, AuditService audit) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(details);
        dao.setPasswordEncoder(encoder);
        return new ProviderManager(new ThrottlingAuthenticationProvider(dao, attempts, users, audit));
    }

    @Bean
    @Order(API_CHAIN_ORDER)
    SecurityFilterChain apiSecurity(HttpSecurity http, UserService users, AuthenticationManager manager) throws Exception {
        RequestMatcher api = request -> {
            String path = pathOf(request);
            return (path.startsWith("/api/") && !path.startsWith("/api/docs")) || path.startsWith("/actuator");
        };
        http.securityMatcher(api)
                .authenticationManager(manager)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .anonymous(a -> a.principal("anonymous"))
                .addFilterBefore(new BearerTokenFilter(users), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/auth/token").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN_NAME)
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> ProblemResponses.write(request, response,
                                HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "Authentication required: send Authorization: Bearer <token>."))
                        .accessDeniedHandler((request, response, ex) -> ProblemResponses.write(request, response,
                                HttpStatus.FORBIDDEN, "FORBIDDEN", "Your role does not allow this request.")));
        return http.build();
    }

    @Bean
    @Order(100)
    SecurityFilterChain uiSecurity(HttpSecurity http, AuthenticationManager manager) throws Exception {
        http.authenticationManager(manager);
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/icons/**", "/themes/**", "/offline.html", "/manifest.webmanifest", "/sw.js").permitAll()
                .requestMatchers("/api/docs", "/api/docs/**", "/swagger-ui/**", "/swagger-ui.html").hasRole(Role.ADMIN_NAME));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView("/login"));
        // After the Vaadin configurer, so the form login it sets up already knows its login page
        // (otherwise Spring Security would add its own default login page).
        http.formLogin(form -> form.failureHandler(loginFailureHandler()));
        return http.build();
    }

    /** Tells the login page whether the password was wrong or the account is locked for a while. */
    private static AuthenticationFailureHandler loginFailureHandler() {
        return (request, response, exception) -> {
            String target = exception instanceof LoginLockedException locked
                    ? "/login?locked=" + locked.minutesLeft() : "/login?error";
            response.sendRedirect(request.getContextPath() + target);
        };
    }

    private static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
