package de.kontor.base.db;

import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Asks the database whether it answers, bounded by the connection and validation timeouts: for the health
 * endpoint and for pages that wait until the database is back.
 */
@Component
public class DatabaseCheck {

    private final DataSource dataSource;
    private final int validationSeconds;

    DatabaseCheck(DataSource dataSource, DatabaseSettings settings) {
        this.dataSource = dataSource;
        this.validationSeconds = (int) Math.max(1, (settings.validationTimeout().toMillis() + 999) / 1000);
    }

    /** Why the database cannot be used now; empty when it answers. */
    public Optional<String> problem() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(validationSeconds)
                    ? Optional.empty()
                    : Optional.of("The database did not answer within " + validationSeconds + " s");
        } catch (SQLException | RuntimeException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    public boolean reachable() {
        return problem().isEmpty();
    }
}
