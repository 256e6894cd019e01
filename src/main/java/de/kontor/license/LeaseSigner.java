package de.kontor.license;

import de.kontor.base.crypto.SecretCipher;
import de.kontor.base.crypto.SigningKey;
import de.kontor.base.crypto.SigningKey.Stored;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.security.PublicKey;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** Signs leases with Kontor's lease key, kept in {@code license_signing_key}. */
@Component
class LeaseSigner {

    static final String TYPE = "kontor-lease+jwt";

    private final SigningKey key;

    LeaseSigner(JdbcClient jdbc, TransactionTemplate transactions, SecretCipher cipher, JsonMapper json, Clock clock) {
        this.key = new SigningKey(
                "lease",
                new SigningKey.Table() {
                    @Override
                    public Optional<Stored> read() {
                        return jdbc.sql(
                                        "select key_id, public_key, private_key_enc from license_signing_key where id = 1")
                                .query(Stored.class)
                                .optional();
                    }

                    @Override
                    public void insertIgnore(Stored stored) {
                        jdbc.sql(
                                        "insert ignore into license_signing_key "
                                                + "(id, key_id, public_key, private_key_enc, created_at) values (1, ?, ?, ?, ?)")
                                .params(
                                        stored.keyId(),
                                        stored.publicKey(),
                                        stored.privateKeyEnc(),
                                        Timestamp.from(clock.instant()))
                                .update();
                    }
                },
                cipher,
                transactions,
                json);
    }

    /** Signs the claims as a JWS (header.payload.signature, base64url without padding). */
    String sign(Map<String, Object> claims) {
        return key.sign(TYPE, claims);
    }

    String keyId() {
        return key.keyId();
    }

    PublicKey publicKey() {
        return key.publicKey();
    }

    /** The public key as PEM ("-----BEGIN PUBLIC KEY-----", X.509 SubjectPublicKeyInfo). */
    String publicKeyPem() {
        return key.publicKeyPem();
    }

    /** The raw 32-byte Ed25519 public key, base64url (the "x" of a JWK). */
    String publicKeyRaw() {
        return key.publicKeyRaw();
    }
}
