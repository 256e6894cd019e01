package de.kontor.license;

import de.kontor.base.crypto.SecretCipher;
import de.kontor.base.crypto.SigningKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.security.PublicKey;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;

/** Signs leases with Kontor's lease key, kept in {@code license_signing_key}. */
@Component
class LeaseSigner {

    static final String TYPE = "kontor-lease+jwt";

    private final SigningKey key;

    LeaseSigner(JdbcClient jdbc, TransactionTemplate transactions, SecretCipher cipher, JsonMapper json, Clock clock) {
        this.key = new SigningKey(
                "lease",
                "license_signing_key",
                jdbc,
                () -> Timestamp.from(clock.instant()),
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
