package de.kontor.base.crypto;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionDefinition;
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
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * An Ed25519 key pair that signs compact JWS (header.payload.signature, base64url without padding), kept in a
 * module's own one-row table ({@code id, key_id, public_key, private_key_enc, created_at}) with the private key
 * encrypted by {@link SecretCipher}. It is made on first use; when two nodes make one at once, the table keeps
 * the first ({@code insert ignore} on the one row) and both read it back, so every node of a cluster signs with
 * the same key. Each purpose has its own key and table (a leaked lease key must not command servers).
 */
public final class SigningKey {

    /** The key as its table stores it: id, public key (X.509, base64), private key (PKCS#8, base64, encrypted). */
    record Stored(String keyId, String publicKey, String privateKeyEnc) {}

    private record Loaded(Stored stored, PublicKey publicKey, PrivateKey privateKey) {}

    private static final Pattern TABLE_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final String purpose;
    private final String table;
    private final JdbcClient jdbc;
    private final Supplier<?> now;
    private final SecretCipher cipher;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private volatile @Nullable Loaded loaded;

    /**
     * @param purpose what the key signs, for error messages ("lease", "command")
     * @param table the module's table of its key
     * @param now the time to store as {@code created_at}, in the form the module stores its times
     */
    public SigningKey(
            String purpose,
            String table,
            JdbcClient jdbc,
            Supplier<?> now,
            SecretCipher cipher,
            TransactionTemplate transactions,
            JsonMapper json) {
        if (!TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("Not a table name: " + table);
        }
        this.purpose = purpose;
        this.table = table;
        this.jdbc = jdbc;
        this.now = now;
        this.cipher = cipher;
        // its own transaction: the first use may come inside a caller's read-only one (an agent asking for the
        // key to pin on a fresh database), and a key once stored is there for every caller
        this.transactions = new TransactionTemplate(Objects.requireNonNull(transactions.getTransactionManager()));
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
    }

    /** The payload, written as JSON, signed as a compact JWS of the type ({@code typ}) with this key's id. */
    public String sign(String type, Object payload) {
        Loaded k = loaded();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "EdDSA");
        header.put("typ", type);
        header.put("kid", k.stored().keyId());
        String input = b64(json.writeValueAsBytes(header)) + "." + b64(json.writeValueAsBytes(payload));
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(k.privateKey());
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a " + purpose, e);
        }
    }

    public String keyId() {
        return loaded().stored().keyId();
    }

    /** The public key as stored: X.509 SubjectPublicKeyInfo, base64. */
    public String publicKeyBase64() {
        return loaded().stored().publicKey();
    }

    public PublicKey publicKey() {
        return loaded().publicKey();
    }

    /** The public key as PEM ("-----BEGIN PUBLIC KEY-----", X.509 SubjectPublicKeyInfo). */
    public String publicKeyPem() {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(publicKey().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    /** The raw 32-byte Ed25519 public key, base64url (the "x" of a JWK). */
    public String publicKeyRaw() {
        byte[] encoded = publicKey().getEncoded();
        byte[] raw = new byte[32];
        System.arraycopy(encoded, encoded.length - 32, raw, 0, 32);
        return b64(raw);
    }

    private Loaded loaded() {
        Loaded k = loaded;
        if (k == null) {
            synchronized (this) {
                k = loaded;
                if (k == null) {
                    k = transactions.execute(status -> loadOrCreate());
                    loaded = k;
                }
            }
        }
        return k;
    }

    private Loaded loadOrCreate() {
        Optional<Stored> row = read();
        if (row.isEmpty()) {
            // another node may store its key between the read and this insert: its key wins, and is read back
            Stored made = generate();
            jdbc.sql("insert ignore into " + table
                            + " (id, key_id, public_key, private_key_enc, created_at) values (1, ?, ?, ?, ?)")
                    .params(made.keyId(), made.publicKey(), made.privateKeyEnc(), now.get())
                    .update();
            row = read();
        }
        Stored stored = row.orElseThrow();
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            PublicKey publicKey = factory.generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(stored.publicKey())));
            PrivateKey privateKey = factory.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(cipher.decrypt(stored.privateKeyEnc()))));
            return new Loaded(stored, publicKey, privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The stored " + purpose + " signing key cannot be read", e);
        }
    }

    private Optional<Stored> read() {
        return jdbc.sql("select key_id, public_key, private_key_enc from " + table + " where id = 1")
                .query(Stored.class)
                .optional();
    }

    private Stored generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] id = new byte[8];
            new SecureRandom().nextBytes(id);
            return new Stored(
                    HexFormat.of().formatHex(id),
                    Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
                    cipher.encrypt(
                            Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No Ed25519 in this JDK", e);
        }
    }

    /** Base64url without padding, as JWS writes its parts. */
    public static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
