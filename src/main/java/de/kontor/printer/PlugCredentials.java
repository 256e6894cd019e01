package de.kontor.printer;

import de.kontor.base.crypto.SecretCipher;
import de.kontor.base.error.DomainException;
import de.kontor.printer.plug.PlugModel.Credentials;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The Tapo accounts the plugs are bound to: a printer's own or the default one ({@code printer_settings}),
 * passwords encrypted at rest with Kontor's secret key. Runs in the caller's transaction.
 */
@Component
class PlugCredentials {

    /** A printer's own account and the default one, as stored. */
    record Stored(
            @Nullable String plugUsername,
            @Nullable String plugPasswordEnc,
            @Nullable String defaultUsername,
            @Nullable String defaultPasswordEnc) {}

    /** The default account as stored. */
    record Defaults(
            @Nullable String defaultUsername, @Nullable String defaultPasswordEnc) {}

    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    PlugCredentials(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    String encrypt(String password) {
        return cipher.encrypt(password);
    }

    void setDefault(String username, String password) {
        jdbc.sql("update printer_settings set default_username = ?, default_password_enc = ? where id = 1")
                .params(username, cipher.encrypt(password))
                .update();
    }

    Optional<String> defaultUsername() {
        return Optional.ofNullable(defaults().defaultUsername());
    }

    Optional<Credentials> defaultCredentials() {
        Defaults d = defaults();
        if (d.defaultUsername() == null || d.defaultPasswordEnc() == null) {
            return Optional.empty();
        }
        return Optional.of(new Credentials(d.defaultUsername(), cipher.decrypt(d.defaultPasswordEnc())));
    }

    /** The printer's own account, else the default one; a conflict when there is neither. */
    Credentials of(long printerId) {
        Stored s = jdbc.sql("select p.plug_username, p.plug_password_enc, s.default_username, s.default_password_enc "
                        + "from printer p join printer_settings s on s.id = 1 where p.id = ?")
                .param(printerId)
                .query(Stored.class)
                .optional()
                .orElseThrow(() -> PrinterCatalog.notFound(printerId));
        if (s.plugUsername() != null && s.plugPasswordEnc() != null) {
            return new Credentials(s.plugUsername(), cipher.decrypt(s.plugPasswordEnc()));
        }
        if (s.defaultUsername() != null && s.defaultPasswordEnc() != null) {
            return new Credentials(s.defaultUsername(), cipher.decrypt(s.defaultPasswordEnc()));
        }
        throw DomainException.conflict("NO_CREDENTIALS", "printer.credentials.none");
    }

    private Defaults defaults() {
        return jdbc.sql("select default_username, default_password_enc from printer_settings where id = 1")
                .query(Defaults.class)
                .single();
    }
}
