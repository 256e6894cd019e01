package de.kontor.agent;

import de.kontor.agent.Protocol.Command;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;

/**
 * Checks a signed command before anything runs: Ed25519 signature by the pinned key, this node's id,
 * not expired (nor valid implausibly long), and a nonce not seen before. Nonces are remembered until
 * their command expires, so a replay within the validity is refused and one after it is expired anyway;
 * they are kept in the state directory ({@link SeenNonces}), so a restart does not forget them.
 */
final class CommandVerifier {

    /** Commands may not be valid longer than this: it bounds the nonces kept. */
    static final long MAX_VALIDITY_SECONDS = 600;

    private static final long SKEW_SECONDS = 5;

    private final PublicKey key;
    private final long nodeId;
    private final Clock clock;
    private final SeenNonces seen;

    /** Remembers nonces in memory only (for checks that never outlive the process). */
    CommandVerifier(PublicKey key, long nodeId, Clock clock) {
        this(key, nodeId, clock, null);
    }

    /** @param stateDir where the seen nonces are kept across restarts, or null for memory only */
    CommandVerifier(PublicKey key, long nodeId, Clock clock, @Nullable Path stateDir) {
        this.key = key;
        this.nodeId = nodeId;
        this.clock = clock;
        this.seen = new SeenNonces(stateDir);
    }

    /** A refused command: {@code id} is the id it claims (to report the refusal), or null if unreadable. */
    static final class Refused extends Exception {
        final @Nullable Long id;

        Refused(@Nullable Long id, String message) {
            super(message);
            this.id = id;
        }
    }

    static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Not an Ed25519 public key (base64 of its X.509 form): " + e.getMessage());
        }
    }

    Command verify(String jws) throws Refused {
        String[] parts = jws.split("\\.");
        if (parts.length != 3) {
            throw new Refused(null, "not a signed command");
        }
        Command command;
        try {
            JsonNode header = KontorClient.JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            if (!"EdDSA".equals(header.path("alg").asString(""))
                    || !Protocol.COMMAND_TYPE.equals(header.path("typ").asString(""))) {
                throw new Refused(null, "not a signed command (alg/typ)");
            }
            command = KontorClient.JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), Command.class);
        } catch (RuntimeException e) {
            throw new Refused(null, "not a signed command: " + e.getMessage());
        }
        Long id = command.id();
        if (!signatureValid(parts)) {
            throw new Refused(id, "refused by the agent: the signature does not match Kontor's pinned key");
        }
        if (command.node() != nodeId) {
            throw new Refused(
                    id, "refused by the agent: the command is for node " + command.node() + ", not " + nodeId);
        }
        long now = clock.instant().getEpochSecond();
        if (now > command.expiresAt() + SKEW_SECONDS) {
            throw new Refused(
                    id,
                    "refused by the agent: the command expired at " + command.expiresAt() + " (agent's clock: " + now
                            + ")");
        }
        if (command.expiresAt() - command.issuedAt() > MAX_VALIDITY_SECONDS) {
            throw new Refused(id, "refused by the agent: the command's validity is implausible");
        }
        if (command.nonce() == null || command.nonce().length() < 16) {
            throw new Refused(id, "refused by the agent: the command has no proper nonce");
        }
        if (!seen.add(command.nonce(), command.expiresAt(), now - SKEW_SECONDS)) {
            throw new Refused(id, "refused by the agent: the command was already received (replay)");
        }
        return command;
    }

    private boolean signatureValid(String[] parts) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
