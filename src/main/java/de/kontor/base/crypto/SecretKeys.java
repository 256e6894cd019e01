package de.kontor.base.crypto;

import de.kontor.base.KontorProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/**
 * Finds the key for secrets at rest and makes sure it is the database's: every node of a cluster must
 * encrypt and decrypt with the same key, or secrets written by one (the lease signing key, plug passwords)
 * cannot be read by another.
 * <p>
 * The key is {@code KONTOR_SECRET_KEY}, else {@code <data-dir>/secret.key}, else a new key written there.
 * The database keeps a check value of the key (an HMAC of a fixed text, which does not reveal the key),
 * stored by the first node that starts on it. A node whose key gives another check value refuses to start.
 * A node on an external database that has no key of its own and finds the database holding secrets
 * already refuses too, instead of making a key that could not read them.
 */
@Component
class SecretKeys {

    private static final Logger log = LoggerFactory.getLogger(SecretKeys.class);
    private static final String CHECK_TEXT = "kontor secret key check";
    private static final String CHECK_VERSION = "v1:";
    static final String FILE_NAME = "secret.key";

    private final KontorProperties properties;
    private final JdbcClient jdbc;
    private final ObjectProvider<StoredSecrets> storedSecrets;
    private final Clock clock;
    private final boolean externalDatabase;

    SecretKeys(
            KontorProperties properties,
            JdbcClient jdbc,
            ObjectProvider<StoredSecrets> storedSecrets,
            Clock clock,
            Environment environment) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.storedSecrets = storedSecrets;
        this.clock = clock;
        String url = environment.getProperty("spring.datasource.url");
        this.externalDatabase = url != null && !url.isBlank();
    }

    /** This node's key, checked against the database's check value (which is stored if there is none). */
    byte[] load() {
        Optional<String> stored = storedCheck();
        boolean databaseHasCheck = stored.isPresent();
        byte[] key = configuredKey().orElseGet(() -> keyFromFile(databaseHasCheck));
        String mine = checkValue(key);
        if (stored.isEmpty()) {
            Optional<String> sample = anyStoredSecret();
            if (sample.isPresent() && !SecretCipher.decrypts(key, sample.get())) {
                throw mismatch();
            }
            jdbc.sql("insert ignore into secret_key_check (id, check_value, created_at) values (1, ?, ?)")
                    .params(mine, Timestamp.from(clock.instant()))
                    .update();
            // whichever node stored it first (two may start at once) decides
            stored = storedCheck();
        }
        if (!stored.orElseThrow().equals(mine)) {
            throw mismatch();
        }
        return key;
    }

    private Optional<String> storedCheck() {
        return jdbc.sql("select check_value from secret_key_check where id = 1")
                .query(String.class)
                .optional();
    }

    private Optional<String> anyStoredSecret() {
        return storedSecrets
                .orderedStream()
                .map(StoredSecrets::anyStoredSecret)
                .flatMap(Optional::stream)
                .findFirst();
    }

    private Optional<byte[]> configuredKey() {
        String configured = properties.secretKey();
        if (configured == null || configured.isBlank()) {
            return Optional.empty();
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(configured.strip());
        } catch (IllegalArgumentException notBase64) {
            key = new byte[0];
        }
        if (key.length != 32) {
            throw new IllegalStateException(
                    "KONTOR_SECRET_KEY must be 32 bytes, base64-encoded (e.g. openssl rand -base64 32)");
        }
        return Optional.of(key);
    }

    private byte[] keyFromFile(boolean databaseHasCheck) {
        Path dataDir = properties.dataDir();
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            if (externalDatabase && (databaseHasCheck || anyStoredSecret().isPresent())) {
                throw new SecretKeyRefused(
                        "This Kontor node has no secret key (KONTOR_SECRET_KEY is not set and " + file
                                + " does not exist), and the database it uses already holds secrets encrypted by"
                                + " another Kontor node. A new key could not read them, so none is generated.",
                        "Set KONTOR_SECRET_KEY on this node to the key of the other nodes (their KONTOR_SECRET_KEY,"
                                + " or the content of data/secret.key of the node that started first) and start"
                                + " it again.");
            }
            Files.createDirectories(dataDir);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            try {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            log.info("Generated the key for secrets at rest in {}; back it up together with the database", file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        }
    }

    private SecretKeyRefused mismatch() {
        @Nullable String configured = properties.secretKey();
        String source = configured == null || configured.isBlank()
                ? "the key in " + properties.dataDir().resolve(FILE_NAME) + " (KONTOR_SECRET_KEY is not set)"
                : "KONTOR_SECRET_KEY";
        return new SecretKeyRefused(
                "This Kontor node's secret key (" + source + ") is not the key the secrets in this database"
                        + " were encrypted with. Every Kontor node on one database must use the same key.",
                "Set KONTOR_SECRET_KEY on this node to the key of the other nodes (their KONTOR_SECRET_KEY, or the"
                        + " content of data/secret.key of the node that started first), or restore this node's"
                        + " secret.key from the backup, and start it again.");
    }

    /** The check value of a key: an HMAC-SHA256 of a fixed text, base64. */
    static String checkValue(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return CHECK_VERSION
                    + Base64.getEncoder().encodeToString(mac.doFinal(CHECK_TEXT.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
