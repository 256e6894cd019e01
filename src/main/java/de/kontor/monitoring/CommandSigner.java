package de.kontor.monitoring;

import de.kontor.agent.Protocol;
import de.kontor.agent.Protocol.Command;
import de.kontor.base.crypto.SecretCipher;
import de.kontor.base.crypto.SigningKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

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
                "monitoring_command_key",
                jdbc,
                () -> Times.utc(clock.instant()),
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
