package de.kontor.base.db;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Starts the embedded MariaDB and points the data source at it, unless an external database is
 * configured with {@code spring.datasource.url} (then Spring Boot's own data source is used).
 * <p>
 * The server starts in the background as early as possible ({@link EarlyStart}, as soon as the
 * configuration is known), so that its start-up (seconds on a first start, when MariaDB is installed)
 * overlaps with the rest of Kontor's.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {

    @Bean
    static Launcher embeddedMariaDbLauncher(Environment environment) {
        return new Launcher(
                Path.of(environment.getRequiredProperty("kontor.data-dir")), DatabaseSettings.from(environment));
    }

    /** Stopped by the launcher, which owns the server. */
    @Bean(destroyMethod = "")
    EmbeddedMariaDb embeddedMariaDb(Launcher launcher) {
        return launcher.await();
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedMariaDb db) {
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(db.jdbcUrl())
                .username(db.username())
                .password(db.password())
                .build();
    }

    static final class Launcher implements BeanFactoryPostProcessor, DisposableBean {
        private final Path dataDir;
        private final DatabaseSettings settings;
        private @Nullable CompletableFuture<EmbeddedMariaDb> server;

        Launcher(Path dataDir, DatabaseSettings settings) {
            this.dataDir = dataDir;
            this.settings = settings;
        }

        @Override
        public synchronized void postProcessBeanFactory(@Nullable ConfigurableListableBeanFactory beanFactory) {
            if (server == null) {
                server = EarlyStart.take(dataDir).orElseGet(() -> EarlyStart.startInBackground(dataDir, settings));
            }
        }

        synchronized EmbeddedMariaDb await() {
            postProcessBeanFactory(null);
            try {
                return server.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }

        @Override
        public synchronized void destroy() {
            if (server != null) {
                server.thenAccept(EmbeddedMariaDb::close)
                        .exceptionally(error -> null)
                        .join();
            }
        }
    }

    static class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
