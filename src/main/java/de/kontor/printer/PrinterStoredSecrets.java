package de.kontor.printer;

import de.kontor.base.crypto.StoredSecrets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The plugs' encrypted Tapo passwords: the default account's and the printers' own. */
@Component
class PrinterStoredSecrets implements StoredSecrets {

    private final JdbcClient jdbc;

    PrinterStoredSecrets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> anyStoredSecret() {
        return jdbc.sql(
                        "select default_password_enc as secret from printer_settings where default_password_enc is not null "
                                + "union all select plug_password_enc as secret from printer where plug_password_enc is not null "
                                + "limit 1")
                .query(String.class)
                .optional();
    }
}
