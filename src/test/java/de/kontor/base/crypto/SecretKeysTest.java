package de.kontor.base.crypto;

import de.kontor.IntegrationTest;
import de.kontor.TestDataDir;
import de.kontor.base.KontorProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database from before Kontor kept its key's check value: the first node to start checks its key against a
 * stored secret before it stores the check value, so a wrong key is refused there too. (The shared test
 * context started on the embedded database with a key generated into its data directory, as a single node
 * does; the check value it stored is put back afterwards.)
 */
class SecretKeysTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void withoutACheckValueTheKeyMustReadTheStoredSecretsBeforeItsCheckValueIsStored() throws Exception {
        String sharedKey =
                Files.readString(TestDataDir.shared().resolve("secret.key")).strip();
        String storedSecret = new SecretCipher(Base64.getDecoder().decode(sharedKey)).encrypt("plug password");
        String checkValue = jdbc.sql("select check_value from secret_key_check where id = 1")
                .query(String.class)
                .single();
        assertThat(checkValue)
                .isEqualTo(SecretKeys.checkValue(Base64.getDecoder().decode(sharedKey)));
        jdbc.sql("delete from secret_key_check where id = 1").update();
        try {
            assertThatThrownBy(() -> keys(otherKey(), storedSecret).load())
                    .isInstanceOf(SecretKeyRefused.class)
                    .hasMessageContaining("KONTOR_SECRET_KEY");
            assertThat(jdbc.sql("select count(*) from secret_key_check")
                            .query(Integer.class)
                            .single())
                    .isZero();

            keys(sharedKey, storedSecret).load();

            assertThat(jdbc.sql("select check_value from secret_key_check where id = 1")
                            .query(String.class)
                            .single())
                    .isEqualTo(checkValue);
        } finally {
            jdbc.sql("insert ignore into secret_key_check (id, check_value, created_at) values (1, ?, now())")
                    .param(checkValue)
                    .update();
        }
    }

    @Test
    void aRefusedKeyIsReportedAsTheReasonTheStartFailed() {
        // Spring Boot's own analyzers need arguments it gives them at start; only whether Kontor's is listed matters
        SpringFactoriesLoader.FailureHandler skipOthers = (type, name, failure) -> {};
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
                        .load(FailureAnalyzer.class, SpringFactoriesLoader.ArgumentResolver.none(), skipOthers))
                .anySatisfy(analyzer -> assertThat(analyzer).isInstanceOf(SecretKeyFailureAnalyzer.class));
        SecretKeyRefused refused = new SecretKeyRefused("What is wrong.", "What to do.");
        FailureAnalysis analysis = new SecretKeyFailureAnalyzer().analyze(new IllegalStateException(refused), refused);
        assertThat(analysis.getDescription()).isEqualTo("What is wrong.");
        assertThat(analysis.getAction()).isEqualTo("What to do.");
    }

    private SecretKeys keys(String key, String storedSecret) {
        var properties = new KontorProperties(
                Path.of("unused"),
                ZoneId.of("Europe/Berlin"),
                key,
                null,
                new KontorProperties.Admin(null),
                new KontorProperties.Demo(false, null),
                new KontorProperties.Web(DataSize.ofMegabytes(1), DataSize.ofMegabytes(20), 500));
        StoredSecrets secrets = () -> Optional.of(storedSecret);
        return new SecretKeys(
                properties,
                jdbc,
                new StaticListableBeanFactory(Map.of("secrets", secrets)).getBeanProvider(StoredSecrets.class),
                clock,
                new StandardEnvironment());
    }

    private static String otherKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
