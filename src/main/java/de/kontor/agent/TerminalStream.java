package de.kontor.agent;

import de.kontor.agent.Protocol.TerminalAck;
import de.kontor.agent.Protocol.TerminalClosed;
import de.kontor.agent.Protocol.TerminalEvent;
import de.kontor.agent.Protocol.TerminalInput;
import de.kontor.agent.Protocol.TerminalOutput;
import de.kontor.agent.ops.TerminalSession;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Carries one terminal session between the node and Kontor over two kinds of request the agent makes (it
 * never accepts a connection): a long poll that fetches keystrokes and resizes, numbered so each is applied
 * once and in order, and posts of output chunks, numbered the same way, which also tell Kontor the agent is
 * still there. When neither has reached Kontor for longer than the grace time, the session is closed, as
 * when an SSH connection drops; when the user left or the shell ended, too. Then what was typed goes to
 * Kontor for the audit log, retried for a while if Kontor cannot be reached just then.
 */
final class TerminalStream {

    static final int INPUT_WAIT_SECONDS = 10;
    private static final Duration READ_WAIT = Duration.ofMillis(100);
    private static final long HEARTBEAT_NANOS = Duration.ofSeconds(1).toNanos();
    private static final long RETRY_MILLIS = 200;
    private static final Duration DELIVERY_PERIOD = Duration.ofMinutes(10);
    private static final System.Logger log = System.getLogger(TerminalStream.class.getName());

    private final KontorClient client;
    private final String stream;
    private final TerminalSession session;
    private final long graceNanos;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile long lastContact = System.nanoTime();

    TerminalStream(KontorClient client, String stream, TerminalSession session, Duration grace) {
        this.client = client;
        this.stream = stream;
        this.session = session;
        this.graceNanos = grace.toNanos();
    }

    void start() {
        thread(this::sendOutput, "up").start();
        thread(this::receiveInput, "down").start();
    }

    private Thread thread(Runnable task, String direction) {
        Thread thread =
                new Thread(task, "terminal-" + direction + "-" + session.id().substring(0, 8));
        thread.setDaemon(true);
        return thread;
    }

    private void receiveInput() {
        long applied = 0;
        while (!finished.get()) {
            try {
                TerminalInput input = client.terminalInput(stream, applied, INPUT_WAIT_SECONDS);
                lastContact = System.nanoTime();
                for (TerminalEvent event : input.events()) {
                    if (event.seq() <= applied) {
                        continue;
                    }
                    if (event.data() != null) {
                        session.write(event.data().getBytes(StandardCharsets.UTF_8));
                    }
                    if (event.columns() != null && event.rows() != null) {
                        session.resize(event.columns(), event.rows());
                    }
                    applied = event.seq();
                }
                if (input.closed()) {
                    finish("the user left the terminal");
                }
            } catch (KontorClient.Rejected | KontorClient.Refused e) {
                finish("Kontor no longer knows the terminal: " + e.getMessage());
            } catch (IOException | RuntimeException e) {
                failed();
            }
        }
    }

    private void sendOutput() {
        long seq = 0;
        byte[] pending = null;
        long lastSent = System.nanoTime();
        while (!finished.get()) {
            try {
                if (pending == null) {
                    byte[] read = session.read(READ_WAIT);
                    if (read.length > 0) {
                        pending = read;
                        seq++;
                    } else if (!session.isOpen()) {
                        finish("the shell ended with exit code " + session.exitCode());
                        return;
                    } else if (System.nanoTime() - lastSent < HEARTBEAT_NANOS) {
                        continue;
                    }
                }
                TerminalAck ack = client.terminalOutput(
                        stream,
                        new TerminalOutput(
                                pending == null ? 0 : seq,
                                pending == null ? "" : Base64.getEncoder().encodeToString(pending)));
                lastContact = System.nanoTime();
                lastSent = lastContact;
                pending = null;
                if (ack.closed()) {
                    finish("the user left the terminal");
                }
            } catch (KontorClient.Rejected | KontorClient.Refused e) {
                finish("Kontor no longer knows the terminal: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                finish("the agent stopped");
            } catch (IOException | RuntimeException e) {
                failed();
            }
        }
    }

    /** A request failed: past the grace time the session ends, else the next try comes a little later. */
    private void failed() {
        if (System.nanoTime() - lastContact > graceNanos) {
            finish("the connection to Kontor was lost for longer than " + graceNanos / 1_000_000 + " ms");
            return;
        }
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finish("the agent stopped");
        }
    }

    boolean finished() {
        return finished.get();
    }

    private void finish(String reason) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        session.close();
        log.log(Level.INFO, "Terminal session " + session.id() + " closed: " + reason);
        TerminalClosed closed = new TerminalClosed(session.recordedInput(), session.exitCode(), reason);
        thread(() -> deliver(closed), "closed").start();
    }

    private void deliver(TerminalClosed closed) {
        long deadline = System.nanoTime() + DELIVERY_PERIOD.toNanos();
        long pause = 500;
        while (System.nanoTime() < deadline) {
            try {
                client.terminalClosed(stream, closed);
                return;
            } catch (KontorClient.Rejected | KontorClient.Refused e) {
                log.log(Level.WARNING, "Kontor refused the record of terminal session " + session.id() + ": " + e);
                return;
            } catch (IOException | RuntimeException e) {
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                pause = Math.min(pause * 2, 10_000);
            }
        }
        log.log(
                Level.WARNING,
                "Could not deliver the record of terminal session " + session.id() + " to Kontor: its input was "
                        + closed.input());
    }
}
