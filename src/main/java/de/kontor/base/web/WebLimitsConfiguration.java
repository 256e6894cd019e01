package de.kontor.base.web;

import de.kontor.base.KontorProperties;
import de.kontor.base.api.ProblemResponses;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Wires the request limits of {@code kontor.web.*} into Tomcat, the filter chain and Spring MVC. */
@Configuration(proxyBeanMethods = false)
class WebLimitsConfiguration implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(WebLimitsConfiguration.class);

    private final KontorProperties properties;

    WebLimitsConfiguration(KontorProperties properties) {
        this.properties = properties;
    }

    /**
     * Ahead of Spring Security and everything else but the security headers: an oversized body costs
     * nothing.
     */
    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit() {
        var registration = new FilterRegistrationBean<>(new RequestBodyLimit(
                properties.web().maxBodySize().toBytes(),
                properties.web().maxUploadSize().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PagingLimits(properties.web().maxPageSize()))
                .addPathPatterns("/api/**");
    }

    /**
     * Tomcat would answer an encoded slash ({@code %2F}) in a path with its own HTML error page. Passed
     * through, Spring Security's firewall refuses it, and {@link #requestRejected()} answers in Kontor's
     * format.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesReachTheFirewall() {
        return factory -> factory.addConnectorCustomizers(
                connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
    }

    /** Requests the firewall refuses (encoded slashes, path traversal, ...) get 400 problem+json. */
    @Bean
    RequestRejectedHandler requestRejected() {
        return (request, response, rejected) -> {
            log.debug("Request refused by the firewall: {}", rejected.getMessage());
            ProblemResponses.write(
                    request,
                    response,
                    HttpStatus.BAD_REQUEST,
                    "REQUEST_REJECTED",
                    "The request address is not allowed (for example an encoded slash or a path "
                            + "leaving its folder).");
        };
    }
}
