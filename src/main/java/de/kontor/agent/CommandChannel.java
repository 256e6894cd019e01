package de.kontor.agent;

import de.kontor.agent.Protocol.Command;
import de.kontor.agent.Protocol.CommandKey;
import de.kontor.agent.Protocol.CommandResult;
import de.kontor.agent.ops.Capability;
import de.kontor.agent.ops.Operation;
import de.kontor.agent.ops.OperationRefusedException;
import de.kontor.agent.ops.OperationResult;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches signed commands from Kontor by long poll, checks them ({@link CommandVerifier}), runs the
 * allowed capability's operation with a timeout and posts the result. Only runs when the owner allowed at
 * least one capability. Kontor's key is pinned: given with {@code --server-key}, or fetched once over the
 * (verified) TLS channel and kept in the state directory; a key Kontor answers later that differs from
 * the pinned one stops the channel.
 */
final class CommandChannel implements AutoCloseable {

    static final int WAIT_SECONDS = 25;
    static final Duration OPERATION_TIMEOUT = Duration.ofMinutes(30);
    static final int OUTPUT_LIMIT = 256 * 1024;

    private static final System.Logger log = System.getLogger(CommandChannel.class.getName());
    private static final String KEY_FILE = "command-key.json";

    private final AgentConfig config;
    private final KontorClient client;
    private final Map<String, Capability> capabilities;
    private final Clock clock;
    private final Thread poller;
    private final ExecutorService workers;
    private volatile @Nullable CommandVerifier verifier;
    private volatile boolean running;
    private volatile @Nullable String lastError;

    CommandChannel(AgentConfig config, KontorClient client, Map<String, Capability> capabilities, Clock clock) {
        this.config = config;
        this.client = client;
        this.capabilities = Map.copyOf(capabilities);
        this.clock = clock;
        this.poller = new Thread(this::loop, "kontor-agent-commands");
        this.poller.setDaemon(true);
        this.workers = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "kontor-agent-operation");
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        running = true;
        poller.start();
    }

    private void loop() {
        while (running) {
            try {
                CommandVerifier v = verifier;
                if (v == null) {
                    v = pinKey();
                    verifier = v;
                }
                for (String jws : client.commands(WAIT_SECONDS)) {
                    CommandVerifier checking = v;
                    workers.execute(() -> handle(checking, jws));
                }
                lastError = null;
            } catch (IOException | RuntimeException e) {
                String message = "Cannot fetch commands from Kontor: " + e.getMessage();
                if (!message.equals(lastError)) {
                    log.log(Level.WARNING, message);
                    lastError = message;
                }
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** The verifier with the pinned key; fetches and stores the key when none is pinned yet. */
    CommandVerifier pinKey() throws IOException {
        Path file = config.stateDir().resolve(KEY_FILE);
        CommandKey pinned = null;
        if (Files.isRegularFile(file)) {
            pinned = KontorClient.JSON.readValue(Files.readString(file), CommandKey.class);
        }
        if (pinned == null || config.serverKey() != null) {
            CommandKey answered = client.commandKey();
            String expected = config.serverKey() != null ? config.serverKey().strip() : null;
            if (expected != null && !expected.equals(answered.publicKey())) {
                throw new IOException("Kontor's command key differs from --server-key; no command will run");
            }
            if (pinned == null) {
                pinned = answered;
                store(file, answered);
            }
        }
        PublicKey key = CommandVerifier.publicKey(config.serverKey() != null ? config.serverKey() : pinned.publicKey());
        log.log(
                Level.INFO,
                "Taking commands for node " + pinned.nodeId() + " signed by Kontor's key " + pinned.keyId()
                        + "; allowed: " + String.join(", ", capabilities.keySet()));
        return new CommandVerifier(key, pinned.nodeId(), clock, config.stateDir());
    }

    private static void store(Path file, CommandKey key) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, KontorClient.JSON.writeValueAsString(key), StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.log(
                    Level.WARNING,
                    "Cannot keep Kontor's command key in " + file + " (" + e
                            + "); it is pinned until the agent restarts");
        }
    }

    void handle(CommandVerifier checking, String jws) {
        Command command;
        try {
            command = checking.verify(jws);
        } catch (CommandVerifier.Refused e) {
            log.log(Level.WARNING, "Refused a command: " + e.getMessage());
            if (e.id != null) {
                send(e.id, refusal(e.getMessage()));
            }
            return;
        }
        send(command.id(), run(command));
    }

    private CommandResult run(Command command) {
        Capability capability = capabilities.get(command.capability());
        if (capability == null) {
            return refusal("refused by the agent: the node does not allow " + command.capability() + " (allowed: "
                    + String.join(", ", capabilities.keySet()) + ")");
        }
        Operation operation = new Operation(
                command.action(),
                command.target() == null ? "" : command.target(),
                command.arguments() == null ? Map.of() : command.arguments());
        Future<OperationResult> running = workers.submit(() -> capability.run(operation));
        try {
            OperationResult result = running.get(OPERATION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return new CommandResult(result.exitCode(), cut(result.output()), result.data(), null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OperationRefusedException refused) {
                return refusal(refused.getMessage());
            }
            return new CommandResult(1, cut(String.valueOf(e.getCause())), null, null);
        } catch (TimeoutException e) {
            running.cancel(true);
            return new CommandResult(
                    124, "did not finish within " + OPERATION_TIMEOUT.toMinutes() + " minutes", null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CommandResult(1, "the agent stopped", null, null);
        }
    }

    private static CommandResult refusal(String message) {
        return new CommandResult(126, message, null, message);
    }

    private static String cut(@Nullable String output) {
        if (output == null) {
            return "";
        }
        return output.length() > OUTPUT_LIMIT ? output.substring(0, OUTPUT_LIMIT) + "\n[cut]" : output;
    }

    private void send(long id, CommandResult result) {
        for (int attempt = 0; attempt < 3 && running; attempt++) {
            try {
                client.result(id, result);
                return;
            } catch (IOException e) {
                log.log(Level.WARNING, "Cannot deliver the result of command " + id + ": " + e.getMessage());
                pause();
            }
        }
    }

    /** The capabilities allowed, as reported to Kontor. */
    List<String> allowed() {
        return List.copyOf(capabilities.keySet());
    }

    @Override
    public void close() {
        running = false;
        client.cancelPolling();
        poller.interrupt();
        workers.shutdownNow();
        for (Capability capability : capabilities.values()) {
            if (capability instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    log.log(Level.WARNING, "Cannot close " + capability.name() + ": " + e.getMessage());
                }
            }
        }
    }
}
