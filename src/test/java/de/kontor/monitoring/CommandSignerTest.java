package de.kontor.monitoring;

import de.kontor.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The command key is a key of its own, kept in the monitoring module's table. */
class CommandSignerTest extends IntegrationTest {

    @Autowired
    CommandSigner signer;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theCommandKeyIsTheOneStoredInItsOwnTableNotTheLeaseKey() {
        CommandSigner.Keys keys = signer.keys();

        assertThat(jdbc.sql("select key_id, public_key from monitoring_command_key where id = 1")
                        .query(CommandSigner.Keys.class)
                        .single())
                .isEqualTo(keys);
        assertThat(jdbc.sql("select key_id from license_signing_key")
                        .query(String.class)
                        .list())
                .doesNotContain(keys.keyId());
    }
}
