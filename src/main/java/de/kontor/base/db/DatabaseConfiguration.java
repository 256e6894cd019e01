package de.kontor.base.db;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * What holds for any database, embedded or external: requests wait a few seconds for a connection, not
 * Hikari's 30, so that an outage is answered with "database unavailable" while clients still listen
 * (the tally terminals give up after 10 s), and a connection check never hangs.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseSettings.class)
class DatabaseConfiguration {

    /**
     * Sets the waits on every Hikari pool once Spring Boot has bound {@code spring.datasource.hikari.*} to
     * it. Static and from the environment: a post-processor is created before other beans.
     */
    @Bean
    static BeanPostProcessor databaseTimeouts(Environment environment) {
        DatabaseSettings settings = DatabaseSettings.from(environment);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool) {
                    pool.setConnectionTimeout(settings.connectionTimeout().toMillis());
                    pool.setValidationTimeout(settings.validationTimeout().toMillis());
                }
                return bean;
            }
        };
    }
}
