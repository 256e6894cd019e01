package de.kontor.agent.ops;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A shell on a pseudo-terminal of the node, with the agent user's rights: the strongest capability, so
 * the node's owner allows it only where a shell for the agent's user is acceptable.
 *
 * <p>A terminal needs a stream in both directions, which a transport gets from {@link #open} as a
 * {@link TerminalSession}. The same sessions can also be driven through operations, one request per
 * step (slower, but enough to carry it over a request-and-answer channel):
 *
 * <ul>
 *   <li>{@code open} — {@code columns} (default 80) and {@code rows} (default 24); data is a {@link Opened}
 *       with the session's id, the target of the other actions.
 *   <li>{@code input} target — {@code data}: the keystrokes as text ({@code \r} for Enter).
 *   <li>{@code output} target — waits up to {@code wait} milliseconds (0–25000, default 1000) for output;
 *       data is a {@link Chunk} (output as base64, whether the shell still runs, its exit code).
 *   <li>{@code resize} target — {@code columns} and {@code rows}.
 *   <li>{@code close} target — ends the shell; output is everything typed in the session, for the audit.
 *   <li>{@code list} — the open sessions' ids.
 * </ul>
 *
 * <p>A session nobody wrote to, read from or resized for the idle timeout is closed. The shell gets the
 * agent's environment without the agent's own {@code KONTOR_AGENT_*} settings (its token among them)
 * and {@code TERM=xterm-256color}.
 */
public final class TerminalCapability implements Capability, AutoCloseable {

    private static final int MAX_WAIT_MILLIS = 25_000;

    private final List<String> command;
    private final Map<String, String> environment;
    private final Duration idleTimeout;
    private final int maxSessions;
    private final Map<String, PtyTerminalSession> sessions = new ConcurrentHashMap<>();
    private @Nullable ScheduledExecutorService reaper;

    /**
     * @param command the shell and its arguments, e.g. {@code /bin/bash -l}
     * @param environment the agent's environment, which the shell inherits without the agent's own
     *     {@code KONTOR_AGENT_*} settings
     * @param idleTimeout how long an unused session stays open
     * @param maxSessions how many sessions may be open at once
     */
    public TerminalCapability(
            List<String> command, Map<String, String> environment, Duration idleTimeout, int maxSessions) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("The terminal needs a command to run");
        }
        this.command = List.copyOf(command);
        Map<String, String> inherited = new HashMap<>(environment);
        inherited.keySet().removeIf(name -> name.startsWith("KONTOR_AGENT_"));
        inherited.put("TERM", "xterm-256color");
        this.environment = Map.copyOf(inherited);
        this.idleTimeout = idleTimeout;
        this.maxSessions = maxSessions;
    }

    /**
     * A login shell ({@code bash}, else {@code sh}), 15 minutes idle timeout, at most 4 sessions.
     *
     * @param environment the agent's environment
     */
    public TerminalCapability(Map<String, String> environment) {
        this(
                List.of(Files.isExecutable(Path.of("/bin/bash")) ? "/bin/bash" : "/bin/sh", "-l"),
                environment,
                Duration.ofMinutes(15),
                4);
    }

    @Override
    public String name() {
        return "terminal";
    }

    /** The answer to {@code open}. */
    public record Opened(String session, int columns, int rows) {}

    /**
     * The answer to {@code output}.
     *
     * @param output what the terminal printed, base64 (chunks may end inside a UTF-8 character)
     * @param open false once the shell ended
     */
    public record Chunk(
            String session,
            String output,
            boolean open,
            @Nullable Integer exitCode) {}

    /** Opens a session for a streaming transport; the transport closes it when the user leaves. */
    public TerminalSession open(int columns, int rows) throws IOException {
        if (columns < 1 || columns > 1000 || rows < 1 || rows > 1000) {
            throw new OperationRefusedException("A terminal is 1 to 1000 columns wide and 1 to 1000 rows high.");
        }
        synchronized (sessions) {
            sessions.values().removeIf(s -> !s.isOpen());
            if (sessions.size() >= maxSessions) {
                throw new OperationRefusedException("This node already has " + sessions.size()
                        + " open terminal sessions, the most it allows; close one first.");
            }
            String home = System.getProperty("user.home", "/");
            PtyTerminalSession session = new PtyTerminalSession(
                    command, environment, Files.isDirectory(Path.of(home)) ? home : "/", columns, rows);
            sessions.put(session.id(), session);
            startReaper();
            return session;
        }
    }

    /** An open session by its id. */
    public TerminalSession session(String id) {
        PtyTerminalSession session = sessions.get(id.strip());
        if (session == null) {
            throw new OperationRefusedException("There is no terminal session '" + id
                    + "' on this node (closed, timed out, or the agent restarted).");
        }
        return session;
    }

    @Override
    public OperationResult run(Operation operation) throws IOException, InterruptedException {
        return switch (operation.action()) {
            case "open" -> {
                int columns = ContainersCapability.intArgument(operation, "columns", 80, 1, 1000);
                int rows = ContainersCapability.intArgument(operation, "rows", 24, 1, 1000);
                TerminalSession session = open(columns, rows);
                yield new OperationResult(
                        0,
                        "Opened terminal session " + session.id() + " (" + String.join(" ", command) + ").",
                        new Opened(session.id(), columns, rows));
            }
            case "input" -> {
                session(operation.target()).write(operation.argument("data", "").getBytes(StandardCharsets.UTF_8));
                yield OperationResult.ok("");
            }
            case "output" -> {
                TerminalSession session = session(operation.target());
                int wait = ContainersCapability.intArgument(operation, "wait", 1000, 0, MAX_WAIT_MILLIS);
                byte[] output = session.read(Duration.ofMillis(wait));
                yield OperationResult.data(new Chunk(
                        session.id(),
                        Base64.getEncoder().encodeToString(output),
                        session.isOpen(),
                        session.exitCode()));
            }
            case "resize" -> {
                session(operation.target())
                        .resize(
                                ContainersCapability.intArgument(operation, "columns", 80, 1, 1000),
                                ContainersCapability.intArgument(operation, "rows", 24, 1, 1000));
                yield OperationResult.ok("");
            }
            case "close" -> {
                TerminalSession session = session(operation.target());
                close(session.id());
                yield OperationResult.ok(session.recordedInput());
            }
            case "list" -> OperationResult.data(new ArrayList<>(sessions.keySet()));
            default ->
                throw new OperationRefusedException("The terminal capability has no action '" + operation.action()
                        + "' (open, input, output, resize, close, list).");
        };
    }

    private void close(String id) {
        PtyTerminalSession session = sessions.remove(id);
        if (session != null) {
            session.close();
        }
    }

    private void startReaper() {
        if (reaper != null) {
            return;
        }
        reaper = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "terminal-idle");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.clamp(idleTimeout.toMillis() / 4, 50, 10_000);
        reaper.scheduleWithFixedDelay(this::closeIdle, period, period, TimeUnit.MILLISECONDS);
    }

    private void closeIdle() {
        long now = System.nanoTime();
        for (PtyTerminalSession session : List.copyOf(sessions.values())) {
            // an ended shell stays until then too, so its last output can still be read
            if (now - session.lastUse() > idleTimeout.toNanos()) {
                close(session.id());
            }
        }
    }

    /** Closes every session, when the agent stops. */
    @Override
    public void close() {
        List.copyOf(sessions.keySet()).forEach(this::close);
        synchronized (sessions) {
            if (reaper != null) {
                reaper.shutdownNow();
                reaper = null;
            }
        }
    }
}
