package de.kontor.tally.api;

import de.kontor.tally.TallyProperties;
import de.kontor.tally.TallyService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The tally terminal API authenticates with an API user's key ({@code X-API-Key}), answered in the
 * terminal client's own JSON shapes: its own stateless filter chain under the configured base path.
 */
@Configuration(proxyBeanMethods = false)
class TerminalSecurity {

    @Bean
    @Order(41)
    SecurityFilterChain tallyTerminalApi(HttpSecurity http, TallyService tally, TallyProperties properties)
            throws Exception {
        String basePath = properties.api().basePath();
        http.securityMatcher(basePath + "/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .addFilterBefore(new TerminalKeyFilter(tally, basePath), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }
}
