package de.kontor.tally.api;

import de.kontor.security.StatelessApiChains;
import de.kontor.tally.TallyProperties;
import de.kontor.tally.TallyService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

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
        return StatelessApiChains.keyAuthenticated(http, new TerminalKeyFilter(tally, basePath), basePath + "/**");
    }
}
