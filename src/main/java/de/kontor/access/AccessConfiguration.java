package de.kontor.access;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    /** Right after the security headers, before Spring Security's chains: a blocked address learns nothing more. */
    @Bean
    FilterRegistrationBean<AddressBlockFilter> addressBlockFilter(AccessService access) {
        var registration = new FilterRegistrationBean<>(new AddressBlockFilter(access));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
