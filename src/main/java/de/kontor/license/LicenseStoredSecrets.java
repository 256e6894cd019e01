package de.kontor.license;

import de.kontor.base.crypto.StoredSecrets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The license server's encrypted secrets: the lease signing key and the module licenses' tokens. */
@Component
class LicenseStoredSecrets implements StoredSecrets {

    private final JdbcClient jdbc;

    LicenseStoredSecrets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> anyStoredSecret() {
        return jdbc.sql("select private_key_enc as secret from license_signing_key "
                        + "union all select secret_enc as secret from license_module limit 1")
                .query(String.class)
                .optional();
    }
}
