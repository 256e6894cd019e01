package de.kontor.backup;

import java.net.URI;
import java.util.Locale;

/**
 * Where a dump is read from or loaded into: the MariaDB server, the database on it and the account.
 *
 * @param skipSsl connect without TLS (the embedded server has none)
 */
record DatabaseTarget(String host, int port, String database, String user, String password, boolean skipSsl) {

    String jdbcUrl() {
        return "jdbc:mariadb://" + host + ":" + port + "/" + database;
    }

    DatabaseTarget withDatabase(String other) {
        return new DatabaseTarget(host, port, other, user, password, skipSsl);
    }

    /** Reads host, port and database from a {@code jdbc:mariadb://} or {@code jdbc:mysql://} URL. */
    static DatabaseTarget fromJdbcUrl(String url, String user, String password) {
        if (!url.startsWith("jdbc:mariadb://") && !url.startsWith("jdbc:mysql://")) {
            throw new IllegalStateException("Backups need a MariaDB or MySQL database, not " + url);
        }
        URI uri = URI.create(url.substring("jdbc:".length()));
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (uri.getHost() == null || path.isBlank()) {
            throw new IllegalStateException("Cannot read the database server and name from " + url);
        }
        String host = uri.getHost();
        String lower = host.toLowerCase(Locale.ROOT);
        boolean local = lower.equals("127.0.0.1") || lower.equals("localhost") || lower.equals("::1");
        return new DatabaseTarget(host, uri.getPort() > 0 ? uri.getPort() : 3306, path, user, password, local);
    }
}
