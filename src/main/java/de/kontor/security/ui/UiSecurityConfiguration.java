package de.kontor.security.ui;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSavedRequestAwareAuthenticationSuccessHandler;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import de.kontor.base.db.DatabaseUnavailable;
import de.kontor.security.AddressBlockedException;
import de.kontor.security.LoginLockedException;
import de.kontor.security.PendingSignIn;
import de.kontor.security.Role;
import de.kontor.security.SecurityProperties;
import de.kontor.security.UserService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.rememberme.AbstractRememberMeServices;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;

/**
 * The web UI's filter chain: form login on {@link LoginView} and a session. Vaadin's navigation access
 * control enforces each view's annotation. Signed-in users reach any other address too, so an unknown
 * one shows Kontor's "not found" page instead of a bare 403; anonymous visitors are sent to the login page.
 * <p>
 * The login form needs Spring Security's CSRF token: Vaadin puts it into the page and its login form sends
 * it. Vaadin's own configuration would exempt the login address; Kontor exempts only Vaadin's internal
 * requests, which carry Vaadin's own CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
class UiSecurityConfiguration {

    @Bean
    @Order(100)
    SecurityFilterChain uiSecurity(
            HttpSecurity http,
            AuthenticationManager manager,
            RequestUtil requestUtil,
            UserService users,
            SecurityContextHolderStrategy contexts,
            SecurityProperties properties,
            AbstractRememberMeServices rememberMe)
            throws Exception {
        http.authenticationManager(manager);
        if (properties.rememberMe()) {
            http.rememberMe(r -> r.rememberMeServices(rememberMe).key(rememberMe.getKey()));
        }
        // after remember-me, so a browser signed in by its cookie is registered on that first request
        http.addFilterBefore(new EndedSessionFilter(users, contexts), AnonymousAuthenticationFilter.class);
        http.authorizeHttpRequests(auth -> auth.requestMatchers(
                        "/icons/**",
                        "/themes/**",
                        "/offline.html",
                        "/manifest.webmanifest",
                        "/sw.js",
                        "/kiosk-sw.js",
                        "/kiosk-offline.html")
                .permitAll()
                .requestMatchers("/api/docs", "/api/docs/**", "/api/swagger-ui/**")
                .hasRole(Role.ADMIN_NAME));
        http.with(
                VaadinSecurityConfigurer.vaadin(),
                vaadin -> vaadin.loginView(LoginView.class)
                        .enableCsrfConfiguration(false)
                        .anyRequest(rule -> rule.authenticated()));
        http.csrf(csrf -> csrf.ignoringRequestMatchers(requestUtil::isFrameworkInternalRequest));
        http.exceptionHandling(e -> e.accessDeniedHandler(expiredLoginPage()));
        // After the Vaadin configurer, so the form login it sets up already knows its login page
        // (otherwise Spring Security would add its own default login page).
        http.formLogin(form -> form.failureHandler(loginFailureHandler())
                .withObjectPostProcessor(new ObjectPostProcessor<UsernamePasswordAuthenticationFilter>() {
                    @Override
                    public <O extends UsernamePasswordAuthenticationFilter> O postProcess(O filter) {
                        AuthenticationSuccessHandler vaadin =
                                http.getSharedObject(VaadinSavedRequestAwareAuthenticationSuccessHandler.class);
                        filter.setAuthenticationSuccessHandler(secondStep(
                                vaadin == null ? new SavedRequestAwareAuthenticationSuccessHandler() : vaadin));
                        return filter;
                    }
                }));
        return http.build();
    }

    /**
     * A right password for an account with two-factor sign-in signs nobody in yet: the pending sign-in leaves
     * the security context (and the session's copy of it) and waits in the session for the code, asked on
     * {@link SecondFactorView}. Other sign-ins go on as Vaadin's handler sends them.
     */
    private static AuthenticationSuccessHandler secondStep(AuthenticationSuccessHandler otherwise) {
        return (request, response, authentication) -> {
            if (authentication instanceof PendingSignIn pending) {
                SecurityContextHolder.clearContext();
                request.getSession().removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
                request.getSession().setAttribute(SecondFactorView.PENDING, pending);
                response.sendRedirect(request.getContextPath() + "/" + SecondFactorView.ROUTE);
            } else {
                otherwise.onAuthenticationSuccess(request, response, authentication);
            }
        };
    }

    /**
     * Tells the login page whether the password was wrong, the account is locked for a while, or the
     * password could not be checked because the database is unavailable.
     */
    private static AuthenticationFailureHandler loginFailureHandler() {
        return (request, response, exception) -> {
            String target;
            if (exception instanceof AddressBlockedException) {
                target = "/login?blocked";
            } else if (exception instanceof LoginLockedException locked) {
                target = "/login?locked=" + locked.minutesLeft();
            } else if (DatabaseUnavailable.isCause(exception)) {
                target = "/login?unavailable";
            } else {
                target = "/login?error";
            }
            response.sendRedirect(request.getContextPath() + target);
        };
    }

    /**
     * A login form sent without a valid CSRF token (a forged form, or a login page left open past the end
     * of its session) signs nobody in: back to a fresh login page that says so.
     */
    private static AccessDeniedHandler expiredLoginPage() {
        AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();
        return (request, response, denied) -> {
            if (denied instanceof CsrfException && "POST".equals(request.getMethod())) {
                response.sendRedirect(request.getContextPath() + "/login?expired");
            } else {
                otherwise.handle(request, response, denied);
            }
        };
    }
}
