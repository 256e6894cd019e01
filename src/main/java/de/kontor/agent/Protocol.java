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

    /**
     * {@code GET ?after=N&wait=S}: keystrokes and resizes for a terminal stream after the N-th, held open until
     * one comes or the wait ends. The stream is named by Kontor in the signed {@code terminal open} command.
     */
    public static final String TERMINAL_INPUT_PATH = "/api/monitoring/agent/v1/terminals/{stream}/input";

    /** {@code POST}: the next chunk of a terminal stream's output (also sent empty, to say the agent is there). */
    public static final String TERMINAL_OUTPUT_PATH = "/api/monitoring/agent/v1/terminals/{stream}/output";

    /** {@code POST}: the terminal session ended; what was typed in it, for the audit log. */
    public static final String TERMINAL_CLOSED_PATH = "/api/monitoring/agent/v1/terminals/{stream}/closed";

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

    /**
     * Input for a terminal stream, oldest first.
     *
     * @param closed true once the user left the terminal in Kontor: the agent ends the session
     */
    public record TerminalInput(List<TerminalEvent> events, boolean closed) {}

    /**
     * One keystroke chunk ({@code data}) or a new window size ({@code columns} and {@code rows}), numbered
     * from 1 so the agent applies each once and in order.
     */
    public record TerminalEvent(
            long seq,
            @Nullable String data,
            @Nullable Integer columns,
            @Nullable Integer rows) {}

    /**
     * @param seq numbered from 1; a chunk sent again after a failed request carries the same number and
     *     Kontor ignores it the second time; 0 with empty data only says the agent is still there
     * @param data base64 of what the terminal printed (a chunk may end inside a UTF-8 character)
     */
    public record TerminalOutput(long seq, String data) {}

    /** Kontor's answer to output: whether the user left, so the agent ends the session. */
    public record TerminalAck(boolean closed) {}

    /**
     * @param input everything typed, as {@code TerminalSession.recordedInput()} gives it
     * @param reason why it ended (the user left, the shell exited, the connection to Kontor was lost)
     */
    public record TerminalClosed(String input, @Nullable Integer exitCode, String reason) {}
}
