package de.kontor.monitoring;

import de.kontor.base.crypto.StoredSecrets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The alert channels' encrypted targets (e-mail addresses, webhook URLs with their tokens). */
@Component
class MonitoringStoredSecrets implements StoredSecrets {

    private final JdbcClient jdbc;

    MonitoringStoredSecrets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> anyStoredSecret() {
        return jdbc.sql("select target from monitoring_channel limit 1")
                .query(String.class)
                .optional();
    }
}
