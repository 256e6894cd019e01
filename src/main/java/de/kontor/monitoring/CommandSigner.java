package de.kontor.monitoring;

import de.kontor.agent.Protocol;
import de.kontor.agent.Protocol.Command;
import de.kontor.base.crypto.SecretCipher;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Signs agent commands with Kontor's Ed25519 command key, a key pair of its own (not the lease key: a
 * leaked lease key must not command servers). Made on first use and kept in the database, the private
 * key encrypted with the secret key, so every Kontor of a cluster signs with the same key.
 */
@Component
class CommandSigner {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final SecretCipher cipher;
    private final JsonMapper json;
    private final Clock clock;
    private volatile @Nullable Keys keys;

    record Keys(String keyId, String publicKey, PrivateKey privateKey) {}

    record KeyRow(String keyId, String publicKey, String privateKeyEnc) {}

    CommandSigner(
            JdbcClient jdbc, TransactionTemplate transactions, SecretCipher cipher, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.cipher = cipher;
        this.json = json;
        this.clock = clock;
    }

    /** The command as a compact JWS (header.payload.signature, base64url without padding). */
    String sign(Command command) {
        Keys k = keys();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "EdDSA");
        header.put("typ", Protocol.COMMAND_TYPE);
        header.put("kid", k.keyId());
        String input = b64(json.writeValueAsBytes(header)) + "." + b64(json.writeValueAsBytes(command));
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(k.privateKey());
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a command", e);
        }
    }

    Keys keys() {
        Keys k = keys;
        if (k == null) {
            synchronized (this) {
                k = keys;
                if (k == null) {
                    k = transactions.execute(status -> loadOrCreate());
                    keys = k;
                }
            }
        }
        return k;
    }

    private Keys loadOrCreate() {
        Optional<KeyRow> row = read();
        if (row.isEmpty()) {
            try {
                KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                byte[] id = new byte[8];
                new SecureRandom().nextBytes(id);
                // INSERT IGNORE: when two Kontors start at once, the first key wins and both use it
                jdbc.sql(
                                "insert ignore into monitoring_command_key (id, key_id, public_key, private_key_enc, created_at) "
                                        + "values (1, ?, ?, ?, ?)")
                        .params(
                                HexFormat.of().formatHex(id),
                                Base64.getEncoder()
                                        .encodeToString(pair.getPublic().getEncoded()),
                                cipher.encrypt(Base64.getEncoder()
                                        .encodeToString(pair.getPrivate().getEncoded())),
                                Times.utc(clock.instant()))
                        .update();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("No Ed25519 in this JDK", e);
            }
            row = read();
        }
        KeyRow r = row.orElseThrow();
        try {
            PrivateKey privateKey = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(
                            new PKCS8EncodedKeySpec(Base64.getDecoder().decode(cipher.decrypt(r.privateKeyEnc()))));
            return new Keys(r.keyId(), r.publicKey(), privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The stored command signing key cannot be read", e);
        }
    }

    private Optional<KeyRow> read() {
        return jdbc.sql("select key_id, public_key, private_key_enc from monitoring_command_key where id = 1")
                .query(KeyRow.class)
                .optional();
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
