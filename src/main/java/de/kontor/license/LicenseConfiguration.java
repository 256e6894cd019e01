package de.kontor.license;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Registers the license server's typed settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LicenseSettings.class)
class LicenseConfiguration {}
