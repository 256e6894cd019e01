package de.kontor.access;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    /**
     * Right after the security headers, before Spring Security's chains: a blocked address learns nothing more.
     * Registered for every path and deciding by the request's path as the filters before it left it, so a
     * terminal request at {@code /} that the tally module rewrites into its API path is blocked too.
     */
    @Bean
    FilterRegistrationBean<AddressBlockFilter> addressBlockFilter(AccessService access) {
        var registration = new FilterRegistrationBean<>(new AddressBlockFilter(access));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
