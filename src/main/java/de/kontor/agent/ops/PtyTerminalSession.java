package de.kontor.agent.ops;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import com.pty4j.WinSize;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link TerminalSession} on a pseudo-terminal from pty4j. A reader thread copies the terminal's output
 * into a bounded buffer; when nobody reads, it stops reading and the shell blocks on its next write, so a
 * forgotten session cannot fill the agent's memory.
 */
final class PtyTerminalSession implements TerminalSession {

    private static final int BUFFER_LIMIT = 1024 * 1024;
    private static final int RECORD_LIMIT = 64 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String id = HexFormat.of().formatHex(bytes(16));
    private final PtyProcess process;
    private final OutputStream toShell;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private byte[] buffer = new byte[8192];
    private int buffered;
    private boolean ended;
    /** Set by {@link #close}, so a reader waiting for room in a full buffer gives up. */
    private boolean closed;

    private final StringBuilder recorded = new StringBuilder();
    private volatile long lastUse = System.nanoTime();

    PtyTerminalSession(List<String> command, Map<String, String> environment, String directory, int columns, int rows)
            throws IOException {
        process = new PtyProcessBuilder(command.toArray(String[]::new))
                .setEnvironment(environment)
                .setDirectory(directory)
                .setInitialColumns(columns)
                .setInitialRows(rows)
                .setRedirectErrorStream(true)
                .start();
        toShell = process.getOutputStream();
        Thread reader = new Thread(this::pump, "terminal-" + id.substring(0, 8));
        reader.setDaemon(true);
        reader.start();
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private void pump() {
        byte[] chunk = new byte[4096];
        try (InputStream fromShell = process.getInputStream()) {
            int n;
            while ((n = fromShell.read(chunk)) >= 0) {
                append(chunk, n);
            }
        } catch (IOException | InterruptedException e) {
            // the terminal was closed (reads end with an error on Linux once the shell is gone)
        } finally {
            lock.lock();
            try {
                ended = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private void append(byte[] chunk, int n) throws InterruptedException {
        lock.lock();
        try {
            while (buffered + n > BUFFER_LIMIT && !closed) {
                changed.await();
            }
            if (closed) {
                return;
            }
            if (buffered + n > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffered + n, Math.min(BUFFER_LIMIT, buffer.length * 2)));
            }
            System.arraycopy(chunk, 0, buffer, buffered, n);
            buffered += n;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void write(byte[] input) throws IOException {
        lastUse = System.nanoTime();
        synchronized (recorded) {
            record(input);
        }
        toShell.write(input);
        toShell.flush();
    }

    private void record(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        for (int i = 0; i < text.length() && recorded.length() < RECORD_LIMIT; i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                recorded.append('\n');
            } else if (c < 0x20 || c == 0x7f) {
                recorded.append('^').append(c == 0x7f ? '?' : (char) (c + 64));
            } else {
                recorded.append(c);
            }
        }
    }

    @Override
    public byte[] read(Duration wait) throws InterruptedException {
        lastUse = System.nanoTime();
        long nanos = wait.toNanos();
        lock.lock();
        try {
            while (buffered == 0 && !ended && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            byte[] out = Arrays.copyOf(buffer, buffered);
            buffered = 0;
            changed.signalAll();
            return out;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void resize(int columns, int rows) {
        lastUse = System.nanoTime();
        process.setWinSize(new WinSize(columns, rows));
    }

    @Override
    public boolean isOpen() {
        return process.isAlive();
    }

    @Override
    public @Nullable Integer exitCode() {
        return process.isAlive() ? null : process.exitValue();
    }

    @Override
    public String recordedInput() {
        synchronized (recorded) {
            return recorded.length() >= RECORD_LIMIT ? recorded + "\n[input cut]" : recorded.toString();
        }
    }

    /** Nanoseconds on {@link System#nanoTime()} when the session was last written, read or resized. */
    long lastUse() {
        return lastUse;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        // what the user started in the terminal ends with it, as when an SSH connection drops
        List<ProcessHandle> children = ProcessHandle.of(process.pid())
                .map(shell -> shell.descendants().toList())
                .orElse(List.of());
        process.destroy();
        try {
            // an interactive shell ignores TERM
            if (!process.waitFor(1, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }
}
