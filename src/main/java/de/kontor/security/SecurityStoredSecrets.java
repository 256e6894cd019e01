package de.kontor.security;

import de.kontor.base.crypto.StoredSecrets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The security module's encrypted secrets: two-factor keys, set up or waiting for their first code. */
@Component
class SecurityStoredSecrets implements StoredSecrets {

    private final JdbcClient jdbc;

    SecurityStoredSecrets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> anyStoredSecret() {
        return jdbc.sql("select coalesce(totp_secret, totp_pending) as secret from app_user "
                        + "where totp_secret is not null or totp_pending is not null limit 1")
                .query(String.class)
                .optional();
    }
}
