package de.kontor.monitoring;

import de.kontor.agent.Protocol;
import de.kontor.agent.Protocol.Command;
import de.kontor.base.crypto.SecretCipher;
import de.kontor.base.crypto.SigningKey;
import de.kontor.base.crypto.SigningKey.Stored;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.Optional;

/**
 * Signs agent commands with Kontor's Ed25519 command key, a key pair of its own in
 * {@code monitoring_command_key} (not the lease key: a leaked lease key must not command servers).
 */
@Component
class CommandSigner {

    private final SigningKey key;

    record Keys(String keyId, String publicKey) {}

    CommandSigner(
            JdbcClient jdbc, TransactionTemplate transactions, SecretCipher cipher, JsonMapper json, Clock clock) {
        this.key = new SigningKey(
                "command",
                new SigningKey.Table() {
                    @Override
                    public Optional<Stored> read() {
                        return jdbc.sql(
                                        "select key_id, public_key, private_key_enc from monitoring_command_key where id = 1")
                                .query(Stored.class)
                                .optional();
                    }

                    @Override
                    public void insertIgnore(Stored stored) {
                        jdbc.sql(
                                        "insert ignore into monitoring_command_key "
                                                + "(id, key_id, public_key, private_key_enc, created_at) values (1, ?, ?, ?, ?)")
                                .params(
                                        stored.keyId(),
                                        stored.publicKey(),
                                        stored.privateKeyEnc(),
                                        Times.utc(clock.instant()))
                                .update();
                    }
                },
                cipher,
                transactions,
                json);
    }

    /** The command as a compact JWS (header.payload.signature, base64url without padding). */
    String sign(Command command) {
        return key.sign(Protocol.COMMAND_TYPE, command);
    }

    /** The key's id and its public key (X.509, base64), for agents to pin. */
    Keys keys() {
        return new Keys(key.keyId(), key.publicKeyBase64());
    }
}
