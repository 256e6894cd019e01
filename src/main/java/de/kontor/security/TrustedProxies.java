package de.kontor.security;

import org.apache.catalina.util.NetMask;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.stream.Collectors;

/**
 * With forwarded headers on ({@code server.forward-headers-strategy=native}), Tomcat takes the client
 * address from {@code X-Forwarded-For} only when the request comes from one of
 * {@code kontor.security.trusted-proxies}. Tomcat's own default trusts every private address, so anyone on
 * the local network could rotate the header and escape the per-address login and rate limits. Plain
 * addresses in the setting mean exactly that address.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final String internalProxies;

    TrustedProxies(SecurityProperties properties) {
        this.internalProxies = cidrs(properties.trustedProxies());
    }

    static String cidrs(List<String> entries) {
        return entries.stream()
                .map(String::strip)
                .filter(e -> !e.isEmpty())
                .map(e -> e.contains("/") ? e : e + (e.contains(":") ? "/128" : "/32"))
                .peek(cidr -> {
                    try {
                        new NetMask(cidr);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalStateException(
                                "KONTOR_TRUSTED_PROXIES: \"" + cidr + "\" is no address or CIDR range", e);
                    }
                })
                .collect(Collectors.joining(","));
    }

    /** After Spring Boot's own customizer, which adds the valve. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.getEngineValves().stream()
                .filter(RemoteIpValve.class::isInstance)
                .map(RemoteIpValve.class::cast)
                .forEach(valve -> valve.setInternalProxies(internalProxies));
    }
}
