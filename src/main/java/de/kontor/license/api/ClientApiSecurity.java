package de.kontor.license.api;

import de.kontor.license.LicenseService;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

import java.time.Clock;

/**
 * The license client API ({@code /api/license/**}, {@code /api/version/**}) authenticates with the
 * product's client key, not with user tokens: its own stateless filter chain, ahead of the API chain.
 */
@Configuration(proxyBeanMethods = false)
class ClientApiSecurity {

    @Bean
    @Order(40)
    SecurityFilterChain licenseClientApi(
            HttpSecurity http, LicenseService licenses, ClientRateLimiter limiter, MessageSource messages, Clock clock)
            throws Exception {
        http.securityMatcher("/api/license/**", "/api/version/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .addFilterBefore(
                        new ClientKeyFilter(licenses, limiter, messages, clock), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }
}
