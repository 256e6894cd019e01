package de.kontor.agent.ops;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.time.Duration;

/**
 * One pseudo-terminal on the node, as a streaming transport drives it: it writes what the user types,
 * reads what the terminal prints in chunks, passes on the browser's size and closes it. Thread-safe: a
 * transport may read on one thread while it writes on another.
 */
public interface TerminalSession extends AutoCloseable {

    /** A random id that names the session in commands. */
    String id();

    /** Passes keystrokes (as the browser's terminal encodes them) to the terminal; recorded for the audit. */
    void write(byte[] input) throws IOException;

    /**
     * The output printed since the previous call, waiting up to {@code wait} for some; empty when there was
     * none in that time. After the shell ended, what it printed last still comes, then only empty chunks.
     */
    byte[] read(Duration wait) throws InterruptedException;

    /** Tells the terminal the window's size (programs such as {@code top} redraw to fit). */
    void resize(int columns, int rows);

    /** False once the shell ended or the session was closed. */
    boolean isOpen();

    /** The shell's exit code once it ended, else null. */
    @Nullable
    Integer exitCode();

    /**
     * Everything typed so far as readable text for the audit log: control keys as {@code ^C}, escape
     * sequences (arrow keys) as {@code ^[}, cut at a limit.
     */
    String recordedInput();

    /** Ends the shell (and what runs in it) and frees the terminal. */
    @Override
    void close();
}
