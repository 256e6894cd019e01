package de.kontor.kiosk;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;

/**
 * The kiosks' settings ({@code kontor.kiosk.*}, defaults in {@code application.properties}).
 *
 * @param baseUrl the address kiosk screens open their board at, when Kiosks hands out an address (empty: the
 *     address the admin's browser uses); defaults to {@code kontor.base-url}, and may differ from it where
 *     the screens reach Kontor on another network
 */
@Validated
@ConfigurationProperties("kontor.kiosk")
public record KioskProperties(@Nullable String baseUrl) {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(KioskProperties.class)
    static class Enable {}
}
