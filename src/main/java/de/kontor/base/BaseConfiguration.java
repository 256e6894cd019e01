package de.kontor.base;

import de.kontor.base.modules.ModulesProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({KontorProperties.class, ModulesProperties.class})
class BaseConfiguration {

    /** Every "now" in Kontor comes from this clock, so tests can move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The zone in which the UI and exports show times. */
    @Bean
    ZoneId displayZone(KontorProperties properties) {
        return properties.timeZone();
    }
}
