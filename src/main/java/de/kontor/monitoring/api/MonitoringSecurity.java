package de.kontor.monitoring.api;

import de.kontor.monitoring.MonitoringService;
import de.kontor.security.StatelessApiChains;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Two APIs with credentials of their own, each in its own stateless filter chain ahead of the general
 * API chain: agents report with node tokens under {@code /api/monitoring/agent/}, Prometheus scrapes
 * {@code /actuator/prometheus} and {@code /api/monitoring/federate} with scrape tokens. Admin REST
 * under {@code /api/monitoring/} stays with the general API chain (users' bearer tokens).
 */
@Configuration(proxyBeanMethods = false)
class MonitoringSecurity {

    static final String AGENT_PATHS = "/api/monitoring/agent/**";
    static final String FEDERATE_PATH = "/api/monitoring/federate";
    static final String PROMETHEUS_PATH = "/actuator/prometheus";

    @Bean
    @Order(42)
    SecurityFilterChain monitoringAgentApi(HttpSecurity http, MonitoringService monitoring) throws Exception {
        return StatelessApiChains.stateless(http.securityMatcher(AGENT_PATHS))
                .addFilterBefore(new NodeTokenFilter(monitoring), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().hasRole(NodeTokenFilter.ROLE))
                .build();
    }

    @Bean
    @Order(43)
    SecurityFilterChain monitoringScrapeApi(HttpSecurity http, MonitoringService monitoring) throws Exception {
        return StatelessApiChains.stateless(http.securityMatcher(FEDERATE_PATH, PROMETHEUS_PATH))
                .addFilterBefore(new ScrapeTokenFilter(monitoring), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().hasRole(ScrapeTokenFilter.ROLE))
                .build();
    }
}
