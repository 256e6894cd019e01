package de.kontor.tally;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds and validates {@code kontor.tally.*} at start: a wrong value stops Kontor with a clear message. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TallyProperties.class)
class TallyConfiguration {}
