package de.kontor.license.api;

import de.kontor.license.LicenseService;
import de.kontor.security.StatelessApiChains;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

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
        return StatelessApiChains.keyAuthenticated(
                http, new ClientKeyFilter(licenses, limiter, messages, clock), "/api/license/**", "/api/version/**");
    }
}
