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

import java.sql.Timestamp;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A signing key is created on first use in its table, once, also inside a read-only transaction. */
class SigningKeyTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager manager;

    @Autowired
    SecretCipher cipher;

    @Autowired
    JsonMapper json;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    private static final Timestamp CREATED = Timestamp.valueOf("2026-03-04 05:06:07.123456");

    private final String table = unique("signing_key_test").replace('-', '_');

    @BeforeEach
    void createTable() {
        // the layout of the modules' key tables
        jdbc.sql("create table " + table + " (id int primary key, key_id varchar(32) not null, "
                        + "public_key varchar(200) not null, private_key_enc varchar(500) not null, "
                        + "created_at datetime(6) not null)")
                .update();
    }

    @AfterEach
    void dropTable() {
        threads.shutdownNow();
        jdbc.sql("drop table if exists " + table).update();
    }

    private SigningKey key(SecretCipher cipher) {
        return new SigningKey("test", table, jdbc, () -> CREATED, cipher, new TransactionTemplate(manager), json);
    }

    @Test
    void theFirstUseInsideAReadOnlyTransactionCreatesAndKeepsTheKey() {
        SigningKey key = key(cipher);
        TransactionTemplate readOnly = new TransactionTemplate(manager);
        readOnly.setReadOnly(true);

        String keyId = readOnly.execute(status -> key.keyId());

        assertThat(keyId).isNotBlank();
        assertThat(jdbc.sql("select key_id from " + table).query(String.class).single())
                .isEqualTo(keyId);
        assertThat(jdbc.sql("select created_at from " + table)
                        .query(Timestamp.class)
                        .single())
                .isEqualTo(CREATED);
        assertThat(key.sign("test+jws", Map.of("a", 1)).split("\\.")).hasSize(3);
        assertThat(key(cipher).publicKeyPem()).isEqualTo(key.publicKeyPem());
    }

    @Test
    void twoNodesCreatingTheKeyAtOnceBothUseTheOneStoredFirst() throws Exception {
        // both have found no key when they encrypt their new private key, just before they store it
        CyclicBarrier bothFoundNoKey = new CyclicBarrier(2);
        SigningKey a = key(new MeetingCipher(cipher, bothFoundNoKey));
        SigningKey b = key(new MeetingCipher(cipher, bothFoundNoKey));
        CompletableFuture<String> onA = CompletableFuture.supplyAsync(a::keyId, threads);
        CompletableFuture<String> onB = CompletableFuture.supplyAsync(b::keyId, threads);

        String keyOfA = onA.get(60, TimeUnit.SECONDS);
        String keyOfB = onB.get(60, TimeUnit.SECONDS);

        String stored =
                jdbc.sql("select key_id from " + table).query(String.class).single();
        assertThat(keyOfA).isEqualTo(stored);
        assertThat(keyOfB).isEqualTo(stored);
        assertThat(a.publicKeyPem()).isEqualTo(b.publicKeyPem());
    }

    @Test
    void aTableNameThatIsNoPlainIdentifierIsRefused() {
        assertThatThrownBy(() -> new SigningKey(
                        "test",
                        "keys where 1=1; drop table app_user",
                        jdbc,
                        () -> CREATED,
                        cipher,
                        new TransactionTemplate(manager),
                        json))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
