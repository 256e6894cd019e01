package de.kontor.license;

import de.kontor.base.crypto.SecretCipher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signs leases with Kontor's Ed25519 key. The key pair is made on first use and kept in the database
 * (private key encrypted with the secret key), so every node of a cluster signs with the same key.
 */
@Component
class LeaseSigner {

    static final String TYPE = "kontor-lease+jwt";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SecretCipher cipher;
    private final JsonMapper json;
    private final Clock clock;
    private volatile Keys keys;

    private record Keys(String keyId, PrivateKey privateKey, PublicKey publicKey) {}

    LeaseSigner(
            JdbcTemplate jdbc, TransactionTemplate transactions, SecretCipher cipher, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.cipher = cipher;
        this.json = json;
        this.clock = clock;
    }

    /** Signs the claims as a JWS (header.payload.signature, base64url without padding). */
    String sign(Map<String, Object> claims) {
        Keys k = keys();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "EdDSA");
        header.put("typ", TYPE);
        header.put("kid", k.keyId());
        String signingInput = b64(json.writeValueAsBytes(header)) + "." + b64(json.writeValueAsBytes(claims));
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(k.privateKey());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a lease", e);
        }
    }

    String keyId() {
        return keys().keyId();
    }

    PublicKey publicKey() {
        return keys().publicKey();
    }

    /** The public key as PEM ("-----BEGIN PUBLIC KEY-----", X.509 SubjectPublicKeyInfo). */
    String publicKeyPem() {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(publicKey().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    /** The raw 32-byte Ed25519 public key, base64url (the "x" of a JWK). */
    String publicKeyRaw() {
        byte[] encoded = publicKey().getEncoded();
        byte[] raw = new byte[32];
        System.arraycopy(encoded, encoded.length - 32, raw, 0, 32);
        return b64(raw);
    }

    private Keys keys() {
        Keys k = keys;
        if (k == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = transactions.execute(status -> loadOrCreate());
                }
                k = keys;
            }
        }
        return k;
    }

    private Keys loadOrCreate() {
        List<Map<String, Object>> rows =
                jdbc.queryForList("select key_id, public_key, private_key_enc from license_signing_key where id = 1");
        if (rows.isEmpty()) {
            try {
                KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                byte[] idBytes = new byte[8];
                new SecureRandom().nextBytes(idBytes);
                String keyId = HexFormat.of().formatHex(idBytes);
                // INSERT IGNORE: when two nodes start at once, the first key wins and both use it.
                jdbc.update(
                        "insert ignore into license_signing_key (id, key_id, public_key, private_key_enc, created_at) "
                                + "values (1, ?, ?, ?, ?)",
                        keyId,
                        Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
                        cipher.encrypt(Base64.getEncoder()
                                .encodeToString(pair.getPrivate().getEncoded())),
                        Timestamp.from(clock.instant()));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("No Ed25519 in this JDK", e);
            }
            rows = jdbc.queryForList(
                    "select key_id, public_key, private_key_enc from license_signing_key where id = 1");
        }
        Map<String, Object> row = rows.getFirst();
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            PublicKey publicKey = factory.generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode((String) row.get("public_key"))));
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode(cipher.decrypt((String) row.get("private_key_enc")))));
            return new Keys((String) row.get("key_id"), privateKey, publicKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The stored lease signing key cannot be read", e);
        }
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
