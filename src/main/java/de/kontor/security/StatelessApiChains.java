package de.kontor.security;

import jakarta.servlet.Filter;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The one way Kontor builds a filter chain for a stateless API: no session, no CSRF token (there is no
 * cookie to forge a request with), no form login, basic auth, logout or saved requests. The bearer API uses
 * {@link #stateless}; module APIs with credentials of their own (license clients, tally terminals) use
 * {@link #keyAuthenticated}, whose filter decides and answers in that API's own format.
 */
public final class StatelessApiChains {

    private StatelessApiChains() {}

    /** Applies the stateless settings; the caller adds its matcher, filters and authorization rules. */
    public static HttpSecurity stateless(HttpSecurity http) throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable());
    }

    /**
     * A chain for {@code paths} whose {@code keyFilter} authenticates each request by the API's own key
     * (and answers refusals itself); everything it lets through is permitted.
     */
    public static SecurityFilterChain keyAuthenticated(HttpSecurity http, Filter keyFilter, String... paths)
            throws Exception {
        stateless(http.securityMatcher(paths))
                .addFilterBefore(keyFilter, AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }
}
