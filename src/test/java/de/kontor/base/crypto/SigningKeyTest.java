package de.kontor.base.crypto;

import de.kontor.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A signing key is created on first use, also when that use comes inside a read-only transaction. */
class SigningKeyTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager manager;

    @Autowired
    SecretCipher cipher;

    @Autowired
    JsonMapper json;

    private final String table = unique("signing_key_test").replace('-', '_');

    @BeforeEach
    void createTable() {
        jdbc.sql("create table " + table + " (id int primary key, key_id varchar(64) not null, "
                        + "public_key varchar(200) not null, private_key_enc varchar(500) not null)")
                .update();
    }

    @AfterEach
    void dropTable() {
        jdbc.sql("drop table if exists " + table).update();
    }

    @Test
    void theFirstUseInsideAReadOnlyTransactionCreatesAndKeepsTheKey() {
        SigningKey key = new SigningKey(
                "test",
                new SigningKey.Table() {
                    @Override
                    public Optional<SigningKey.Stored> read() {
                        return jdbc.sql("select key_id, public_key, private_key_enc from " + table + " where id = 1")
                                .query(SigningKey.Stored.class)
                                .optional();
                    }

                    @Override
                    public void insertIgnore(SigningKey.Stored stored) {
                        jdbc.sql("insert ignore into " + table
                                        + " (id, key_id, public_key, private_key_enc) values (1, ?, ?, ?)")
                                .params(stored.keyId(), stored.publicKey(), stored.privateKeyEnc())
                                .update();
                    }
                },
                cipher,
                new TransactionTemplate(manager),
                json);
        TransactionTemplate readOnly = new TransactionTemplate(manager);
        readOnly.setReadOnly(true);

        String keyId = readOnly.execute(status -> key.keyId());

        assertThat(keyId).isNotBlank();
        assertThat(jdbc.sql("select key_id from " + table).query(String.class).single())
                .isEqualTo(keyId);
        assertThat(key.sign("test+jws", Map.of("a", 1)).split("\\.")).hasSize(3);
    }
}
