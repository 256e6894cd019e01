package de.kontor.base.db;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The {@code db} component of {@code /actuator/health}, in place of Spring Boot's: its check may wait
 * without limit ({@code isValid(0)}), this one only as long as a request would. With the embedded server
 * it also tells whether the supervisor is starting it again. The description is safe to show anyone; the
 * error itself only to admins.
 */
@Component("dbHealthIndicator")
class DatabaseHealthIndicator implements HealthIndicator {

    static final String UNREACHABLE = "The database cannot be reached; Kontor keeps trying to reconnect.";

    private final DatabaseCheck check;
    private final ObjectProvider<EmbeddedMariaDb> embedded;

    DatabaseHealthIndicator(DatabaseCheck check, ObjectProvider<EmbeddedMariaDb> embedded) {
        this.check = check;
        this.embedded = embedded;
    }

    @Override
    public Health health() {
        Optional<String> problem = check.problem();
        Health.Builder health = problem.isEmpty()
                ? Health.up()
                : Health.status(new Status(Status.DOWN.getCode(), UNREACHABLE)).withDetail("error", problem.get());
        health.withDetail("database", "MariaDB");
        EmbeddedMariaDb server = embedded.getIfAvailable();
        if (server != null) {
            health.withDetail("embeddedServer", server.state().name()).withDetail("restarts", server.restarts());
        }
        return health.build();
    }
}
