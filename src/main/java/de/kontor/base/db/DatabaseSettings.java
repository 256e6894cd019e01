package de.kontor.base.db;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code kontor.db.*}: the embedded MariaDB and how long Kontor waits for any database (embedded or
 * external) before it answers "database unavailable".
 *
 * @param port port of the embedded server; 0 picks a free one (kept in {@code <data-dir>/db.port})
 * @param earlyStart start the embedded server as soon as the configuration is known, before the context
 * @param attach use the server of a Kontor already running on the same data directory (command line)
 * @param connectionTimeout how long a request waits for a database connection before it fails; the
 *     terminal client gives up after 10 s, so this stays well below that
 * @param validationTimeout how long checking a connection (pool, health) may take
 * @param restart back-off of the supervisor that starts the embedded server again when it exits
 */
@ConfigurationProperties("kontor.db")
@Validated
public record DatabaseSettings(
        @DefaultValue("0") @Min(0) @Max(65535) int port,
        @DefaultValue("true") boolean earlyStart,
        @DefaultValue("false") boolean attach,
        @DefaultValue("3s") Duration connectionTimeout,
        @DefaultValue("1s") Duration validationTimeout,
        @DefaultValue @Valid Restart restart) {

    /** Hikari refuses less than 250 ms; a validation must end before the connection wait does. */
    public DatabaseSettings {
        if (connectionTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("kontor.db.connection-timeout must be at least 250ms");
        }
        if (validationTimeout.toMillis() < 250 || validationTimeout.compareTo(connectionTimeout) >= 0) {
            throw new IllegalArgumentException(
                    "kontor.db.validation-timeout must be at least 250ms and shorter than the connection timeout");
        }
    }

    /**
     * @param initialDelay wait before the first restart after the server exited
     * @param maxDelay the wait doubles after every failed attempt up to this
     */
    public record Restart(
            @DefaultValue("1s") Duration initialDelay,
            @DefaultValue("30s") Duration maxDelay) {

        public Restart {
            if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
                throw new IllegalArgumentException(
                        "kontor.db.restart: initial-delay must not be negative nor longer than max-delay");
            }
        }

        Duration next(Duration current) {
            Duration doubled = current.isZero() ? Duration.ofMillis(100) : current.multipliedBy(2);
            return doubled.compareTo(maxDelay) > 0 ? maxDelay : doubled;
        }
    }

    /** The settings where no bean can be injected yet (before and while the context starts). */
    static DatabaseSettings from(Environment environment) {
        return Binder.get(environment).bindOrCreate("kontor.db", DatabaseSettings.class);
    }

    /** The defaults, for a server started outside any Spring context. */
    static DatabaseSettings defaults() {
        return new Binder().bindOrCreate("kontor.db", DatabaseSettings.class);
    }
}
