package de.kontor.agent;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;

/**
 * What the agent and Kontor say to each other. The agent only connects out: it posts a {@link Report}
 * to {@link #REPORT_PATH} with {@code Authorization: Bearer <node token>} and gets an {@link Answer}
 * with its settings. Both sides ignore fields they do not know, so either can be newer.
 */
public final class Protocol {

    /** Version of this exchange; Kontor answers older agents as long as it can. */
    public static final int VERSION = 1;

    public static final String REPORT_PATH = "/api/monitoring/agent/v1/report";

    /** {@code GET ?wait=25}: the commands waiting for this node, held open until one comes or the wait ends. */
    public static final String COMMANDS_PATH = "/api/monitoring/agent/v1/commands";

    /** {@code POST}: the result of command {id}. */
    public static final String RESULT_PATH = "/api/monitoring/agent/v1/commands/{id}/result";

    /** {@code GET}: Kontor's command-signing public key and this node's id, fetched once and pinned. */
    public static final String COMMAND_KEY_PATH = "/api/monitoring/agent/v1/command-key";

    /** The {@code typ} of a signed command (a JWS, EdDSA over Ed25519, compact form). */
    public static final String COMMAND_TYPE = "kontor-command+jwt";

    private Protocol() {}

    /**
     * @param sentAt the agent's clock when sending (milliseconds since the epoch): Kontor shifts the
     *     samples by the difference to its own clock when the two disagree by more than a few seconds
     * @param samples oldest first; after an outage the agent sends its buffer in several reports
     * @param inventory the latest inventory not yet delivered, if any
     */
    public record Report(
            AgentInfo agent,
            long sentAt,
            List<Sample> samples,
            @Nullable Inventory inventory) {}

    /**
     * @param capabilities what the node's owner allows Kontor to do on it ({@code --allow}), by name
     */
    public record AgentInfo(String version, int protocol, String hostname, List<String> capabilities) {}

    /**
     * @param accepted samples stored (repeated ones are not stored twice)
     * @param pendingCommands commands waiting for this node; the agent fetches them separately
     */
    public record Answer(int accepted, Settings settings, int pendingCommands) {}

    /**
     * @param intervalSeconds the collection interval Kontor wants, or null to keep the agent's own
     * @param inventorySeconds how often to collect and send the inventory
     * @param maxSamplesPerReport how many buffered samples one report may carry
     */
    public record Settings(@Nullable Integer intervalSeconds, int inventorySeconds, int maxSamplesPerReport) {}

    /** Kontor's command-signing key (base64 of its X.509 form) and the id of the node asking. */
    public record CommandKey(long nodeId, String keyId, String publicKey) {}

    /** Signed commands (compact JWS), oldest first. */
    public record Commands(List<String> commands) {}

    /**
     * What Kontor signs: one action for one node, valid until {@code expiresAt} (epoch seconds), once.
     *
     * @param nonce random and unique: the agent runs a command with a nonce it has seen only once
     */
    public record Command(
            long id,
            long node,
            String capability,
            String action,
            String target,
            Map<String, String> arguments,
            long issuedAt,
            long expiresAt,
            String nonce) {}

    /**
     * @param refusal why the agent did not run the command (bad signature, another node's, expired, a
     *     replay, a capability the node does not allow, arguments the capability refused), or null when it ran
     */
    public record CommandResult(
            int exitCode,
            String output,
            @Nullable Object data,
            @Nullable String refusal) {}
}
