package de.kontor.security.ui;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import de.kontor.base.db.DatabaseUnavailable;
import de.kontor.security.LoginLockedException;
import de.kontor.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * The web UI's filter chain: form login on {@link LoginView} and a session. Vaadin's navigation access
 * control enforces each view's annotation; anything that is neither a view nor a listed resource is
 * denied.
 */
@Configuration(proxyBeanMethods = false)
class UiSecurityConfiguration {

    @Bean
    @Order(100)
    SecurityFilterChain uiSecurity(HttpSecurity http, AuthenticationManager manager) throws Exception {
        http.authenticationManager(manager);
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
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        // After the Vaadin configurer, so the form login it sets up already knows its login page
        // (otherwise Spring Security would add its own default login page).
        http.formLogin(form -> form.failureHandler(loginFailureHandler()));
        return http.build();
    }

    /**
     * Tells the login page whether the password was wrong, the account is locked for a while, or the
     * password could not be checked because the database is unavailable.
     */
    private static AuthenticationFailureHandler loginFailureHandler() {
        return (request, response, exception) -> {
            String target;
            if (exception instanceof LoginLockedException locked) {
                target = "/login?locked=" + locked.minutesLeft();
            } else if (DatabaseUnavailable.isCause(exception)) {
                target = "/login?unavailable";
            } else {
                target = "/login?error";
            }
            response.sendRedirect(request.getContextPath() + target);
        };
    }
}
