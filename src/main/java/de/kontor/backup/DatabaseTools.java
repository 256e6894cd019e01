package de.kontor.backup;

import com.zaxxer.hikari.HikariDataSource;
import de.kontor.base.db.EmbeddedMariaDb;
import de.kontor.base.error.DomainException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs MariaDB's own tools: {@code mariadb-dump} for a consistent dump ({@code --single-transaction}: one
 * InnoDB snapshot, no locks, Kontor keeps working) and the {@code mariadb} client to load one. The embedded
 * server brings both in {@code <data-dir>/db/base/bin}; for an external server they come from the PATH (or
 * the configured commands). The account's password goes to the tools in an owner-only options file, never
 * on the command line, where every user of the machine could read it.
 */
@Component
class DatabaseTools {

    private final BackupProperties properties;
    private final ObjectProvider<EmbeddedMariaDb> embedded;
    private final DataSource dataSource;

    DatabaseTools(BackupProperties properties, ObjectProvider<EmbeddedMariaDb> embedded, DataSource dataSource) {
        this.properties = properties;
        this.embedded = embedded;
        this.dataSource = dataSource;
    }

    /** Kontor's own database. */
    DatabaseTarget kontorDatabase() {
        EmbeddedMariaDb db = embedded.getIfAvailable();
        if (db != null) {
            return new DatabaseTarget(
                    "127.0.0.1", db.port(), EmbeddedMariaDb.DATABASE, db.username(), db.password(), true);
        }
        if (dataSource instanceof HikariDataSource pool && pool.getJdbcUrl() != null) {
            return DatabaseTarget.fromJdbcUrl(
                    pool.getJdbcUrl(),
                    String.valueOf(pool.getUsername()),
                    pool.getPassword() == null ? "" : pool.getPassword());
        }
        throw new IllegalStateException("Backups need Kontor's own connection pool (HikariCP)");
    }

    /** Writes a dump of {@code target} to {@code out}. */
    void dump(DatabaseTarget target, OutputStream out) {
        Path tool = tool(properties.dumpCommand(), "mariadb-dump", "mysqldump");
        run(
                target,
                List.of(
                        tool.toString(),
                        "--single-transaction",
                        "--quick",
                        "--hex-blob",
                        "--no-tablespaces",
                        "--skip-add-locks",
                        "--default-character-set=utf8mb4",
                        target.database()),
                null,
                out);
    }

    /** Loads a dump read from {@code in} into {@code target}. */
    void load(DatabaseTarget target, InputStream in) {
        Path tool = tool(properties.clientCommand(), "mariadb", "mysql");
        run(target, List.of(tool.toString(), "--default-character-set=utf8mb4", target.database()), in, null);
    }

    /** Drops every table and view of {@code target}'s database, so that a dump loads into an empty one. */
    void dropEverything(DatabaseTarget target) {
        try (Connection connection = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password());
                Statement statement = connection.createStatement()) {
            List<String> views = new ArrayList<>();
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(
                    "select table_name, table_type from information_schema.tables where table_schema = database()")) {
                while (rows.next()) {
                    String name = "`" + rows.getString("table_name").replace("`", "``") + "`";
                    (rows.getString("table_type").equals("VIEW") ? views : tables).add(name);
                }
            }
            statement.execute("set foreign_key_checks = 0");
            for (String view : views) {
                statement.execute("drop view if exists " + view);
            }
            for (String table : tables) {
                statement.execute("drop table if exists " + table);
            }
            statement.execute("set foreign_key_checks = 1");
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot empty the database " + target.database() + ": " + e.getMessage(), e);
        }
    }

    /** Estimated size of the data a dump of {@code target} writes, for progress. */
    long estimatedSize(DatabaseTarget target) {
        try (Connection connection = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select coalesce(sum(data_length), 0) as bytes from information_schema.tables"
                                + " where table_schema = database()")) {
            return rows.next() ? rows.getLong("bytes") : 0;
        } catch (SQLException e) {
            return 0;
        }
    }

    private void run(
            DatabaseTarget target, List<String> command, @Nullable InputStream in, @Nullable OutputStream out) {
        @Nullable Path options = null;
        @Nullable Path errors = null;
        try {
            options = optionsFile(target);
            errors = Files.createTempFile("kontor-backup-", ".err");
            List<String> full = new ArrayList<>();
            full.add(command.get(0));
            // must come first, or the tools ignore it
            full.add("--defaults-extra-file=" + options);
            full.addAll(command.subList(1, command.size()));
            ProcessBuilder builder = new ProcessBuilder(full).redirectError(errors.toFile());
            if (in == null) {
                builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            }
            if (out == null) {
                builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            }
            Process process = builder.start();
            if (in != null) {
                try (OutputStream stdin = process.getOutputStream()) {
                    in.transferTo(stdin);
                } catch (IOException broken) {
                    // the tool stopped reading: its exit code and message say why
                }
            }
            if (out != null) {
                try (InputStream stdout = process.getInputStream()) {
                    stdout.transferTo(out);
                }
            }
            if (!process.waitFor(properties.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        command.get(0) + " did not finish within " + properties.timeout() + " and was stopped");
            }
            if (process.exitValue() != 0) {
                String message =
                        Files.readString(errors, StandardCharsets.UTF_8).strip();
                throw new IllegalStateException(
                        Path.of(command.get(0)).getFileName() + " failed (exit " + process.exitValue() + "): "
                                + (message.length() > 2000 ? message.substring(0, 2000) : message));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while " + command.get(0) + " ran", e);
        } finally {
            deleteQuietly(options);
            deleteQuietly(errors);
        }
    }

    private static Path optionsFile(DatabaseTarget target) throws IOException {
        Path file;
        try {
            file = Files.createTempFile(
                    "kontor-db-",
                    ".cnf",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            file = Files.createTempFile("kontor-db-", ".cnf");
        }
        StringBuilder text = new StringBuilder("[client]\n")
                .append("host=")
                .append(target.host())
                .append('\n')
                .append("port=")
                .append(target.port())
                .append('\n')
                .append("user=")
                .append(quoted(target.user()))
                .append('\n')
                .append("password=")
                .append(quoted(target.password()))
                .append('\n');
        if (target.skipSsl()) {
            text.append("skip-ssl\n");
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * The configured tool, else the embedded server's, else the first of {@code names} on the PATH, else a
     * refusal saying what to install.
     */
    Path tool(@Nullable String configured, String... names) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.strip());
        }
        EmbeddedMariaDb db = embedded.getIfAvailable();
        if (db != null) {
            Path own = db.dataDir().resolve("db").resolve("base").resolve("bin").resolve(names[0]);
            if (Files.isExecutable(own)) {
                return own;
            }
        }
        for (String name : names) {
            Optional<Path> found = onPath(name);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new DomainException(503, "BACKUP_TOOL_MISSING", "backup.error.toolMissing", names[0]);
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                Path candidate = Path.of(dir).resolve(name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static void deleteQuietly(@Nullable Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }
}
