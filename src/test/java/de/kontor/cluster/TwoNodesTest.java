package de.kontor.cluster;

import de.kontor.Application;
import de.kontor.HttpClientSupport;
import de.kontor.TestDataDir;
import de.kontor.TestMail;
import de.kontor.base.db.EmbeddedMariaDb;
import de.kontor.customer.CustomerService;
import de.kontor.license.License;
import de.kontor.license.LicenseEnums.MatchRule;
import de.kontor.license.LicenseFixture;
import de.kontor.license.LicenseService;
import de.kontor.monitoring.ShippedAlertRules;
import de.kontor.printer.PrinterModel.Printer;
import de.kontor.printer.PrinterService;
import de.kontor.printer.TestPlugs;
import de.kontor.printer.plug.sim.P110Emulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Several Kontor nodes on one database, as an operator runs them: a MariaDB of their own (fresh, so that both
 * nodes really start on an empty database at the same moment), two application instances with one
 * {@code KONTOR_SECRET_KEY}, each on its own port and data directory. What one node writes the other reads:
 * the lease signing key, licenses, plug passwords. A node with another key, or with none of its own on a
 * database that holds secrets, refuses to start and says why.
 * <p>
 * The nodes run in this one JVM, so their schedulers get names of their own (see {@link #start}); that two
 * JVMs' schedulers share one database is {@code ClusteredQuartzTest}'s subject.
 */
class TwoNodesTest {

    private static final String ADMIN_PASSWORD = "Cluster-Test-Passw0rd";
    private static final String KEY = newKey();

    /** Two at once: the common pool may have a single thread on a small machine. */
    private static final ExecutorService threads = Executors.newFixedThreadPool(2);

    private static EmbeddedMariaDb db;
    private static final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    private final SecurityContextHolderStrategy sharedStrategy = SecurityContextHolder.getContextHolderStrategy();

    @BeforeAll
    static void database() {
        db = EmbeddedMariaDb.start(TestDataDir.create("cluster-db"), 0);
        // two contexts starting at once in one JVM would both set up the one Logback context, and Logback's
        // property map is not made for that (ConcurrentModificationException); the logging is set up already
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
    }

    @AfterAll
    static void stop() {
        System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
        threads.shutdownNow();
        nodes.forEach(ConfigurableApplicationContext::close);
        if (db != null) {
            db.close();
        }
    }

    @AfterEach
    void restoreSecurityContextStrategy() {
        TestPlugs.signOut();
        SecurityContextHolder.setContextHolderStrategy(sharedStrategy);
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** A node on the shared database with its own data directory; {@code secretKey} null: none configured. */
    private static ConfigurableApplicationContext start(String name, String secretKey) {
        return start(name, secretKey, TestDataDir.create(name));
    }

    private static ConfigurableApplicationContext start(String name, String secretKey, Path dataDir) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(),
                "--kontor.data-dir=" + dataDir,
                "--server.port=0",
                "--kontor.admin.password=" + ADMIN_PASSWORD,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + TestMail.port(),
                // Quartz keeps its connection providers in one registry per JVM, by scheduler name: nodes in one
                // JVM under one name would take each other's data source (and the shared test context's)
                "--spring.quartz.properties.org.quartz.scheduler.instanceName=kontor-" + name));
        if (secretKey != null) {
            args.add("--kontor.secret-key=" + secretKey);
        }
        return new SpringApplicationBuilder(Application.class).profiles("test").run(args.toArray(String[]::new));
    }

    private static String baseUrl(ConfigurableApplicationContext node) {
        return "http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port");
    }

    private static JdbcClient database(ConfigurableApplicationContext node) {
        return JdbcClient.create(node.getBean(DataSource.class));
    }

    @Test
    void twoNodesStartAtOnceOnAnEmptyDatabaseAndShareWhatTheyWrite() throws Exception {
        CompletableFuture<ConfigurableApplicationContext> startingA =
                CompletableFuture.supplyAsync(() -> start("node-a", KEY), threads);
        CompletableFuture<ConfigurableApplicationContext> startingB =
                CompletableFuture.supplyAsync(() -> start("node-b", KEY), threads);
        ConfigurableApplicationContext a = startingA.join();
        nodes.add(a);
        ConfigurableApplicationContext b = startingB.join();
        nodes.add(b);

        // one first admin, whichever node came first, and both nodes sign it in
        JdbcClient sql = database(a);
        assertThat(sql.sql("select count(*) from app_user where username = 'admin'")
                        .query(Integer.class)
                        .single())
                .isOne();
        for (ConfigurableApplicationContext node : List.of(a, b)) {
            var login = new HttpClientSupport(baseUrl(node))
                    .postJson("/api/auth/token", Map.of("username", "admin", "password", ADMIN_PASSWORD), null);
            assertThat(login.status()).as(baseUrl(node)).isEqualTo(200);
        }
        // the shipped alert rules, added by whichever node came first, each once
        assertThat(sql.sql("select builtin, count(*) as copies from monitoring_alert_rule "
                                + "where builtin is not null group by builtin")
                        .query((rs, row) -> rs.getInt("copies"))
                        .list())
                .hasSize(ShippedAlertRules.count())
                .containsOnly(1);
        assertThat(sql.sql("select count(*) from secret_key_check")
                        .query(Integer.class)
                        .single())
                .isOne();

        // a license made on A, activated through B and verified through A, over HTTP
        LicenseFixture onA = new LicenseFixture(
                a.getBean(LicenseService.class),
                a.getBean(CustomerService.class),
                baseUrl(a),
                MatchRule.ANY,
                Clock.systemUTC());
        License license = onA.license(2);
        HttpClientSupport.Response activated = clientApi(
                baseUrl(b),
                "/api/license/activate",
                onA.apiKey,
                onA.body(license.getKey(), LicenseFixture.machine(7), "2.0.0"));
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
        assertThat(activated.json().path("lease").asString()).isNotBlank();
        HttpClientSupport.Response verified = clientApi(
                baseUrl(a),
                "/api/license/verify",
                onA.apiKey,
                onA.body(license.getKey(), LicenseFixture.machine(7), "2.0.0"));
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        JsonNode verdict = verified.json();
        assertThat(verdict.path("valid").asBoolean()).isTrue();
        // both nodes sign with the one key pair kept in the database
        String leaseFromB = activated.json().path("lease").asString();
        String leaseFromA = verdict.path("lease").asString();
        assertThat(kid(leaseFromA)).isEqualTo(kid(leaseFromB));

        // a plug password saved on A is used by B to switch the plug
        try (TestPlugs plugs = new TestPlugs(Clock.systemUTC())) {
            P110Emulator plug = plugs.start("cluster");
            TestPlugs.asAdmin();
            Printer printer = a.getBean(PrinterService.class).create(TestPlugs.draft("Cluster printer", plug));
            assertThat(plug.isOn()).isFalse();

            b.getBean(PrinterService.class).power(printer.id(), true, "cluster test");

            assertThat(plug.isOn()).isTrue();
        }

        // partition upkeep started on both nodes at once: one does it, the other finds it done
        CompletableFuture<Void> partitionsA = CompletableFuture.runAsync(
                () -> a.getBean(LicenseService.class).maintainHeartbeatPartitions(), threads);
        CompletableFuture<Void> partitionsB = CompletableFuture.runAsync(
                () -> b.getBean(LicenseService.class).maintainHeartbeatPartitions(), threads);
        CompletableFuture.allOf(partitionsA, partitionsB).join();
        HttpClientSupport.Response heartbeat = clientApi(
                baseUrl(b),
                "/api/license/heartbeat",
                onA.apiKey,
                Map.of(
                        "licenseKey",
                        license.getKey(),
                        "activationId",
                        activated.json().path("activationId").asLong(),
                        "appVersion",
                        "2.0.0"));
        assertThat(heartbeat.status()).as(heartbeat.body()).isEqualTo(200);

        a.close();
        b.close();

        // another key: refused, naming the setting
        assertThatThrownBy(() -> nodes.add(start("node-other-key", newKey())))
                .rootCause()
                .hasMessageContaining("KONTOR_SECRET_KEY")
                .hasMessageContaining("same key");
        // no key of its own on a database that holds secrets: refused instead of generating one
        Path dataDir = TestDataDir.create("node-no-key");
        assertThatThrownBy(() -> nodes.add(start("node-no-key", null, dataDir)))
                .rootCause()
                .hasMessageContaining("KONTOR_SECRET_KEY")
                .hasMessageContaining("none is generated");
        assertThat(Files.exists(dataDir.resolve("secret.key"))).isFalse();
    }

    private static String kid(String jws) {
        String header = new String(Base64.getUrlDecoder().decode(jws.substring(0, jws.indexOf('.'))));
        return HttpClientSupport.JSON.readTree(header).path("kid").asString();
    }

    private static HttpClientSupport.Response clientApi(String baseUrl, String path, String apiKey, Object body)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .header("X-API-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(HttpClientSupport.JSON.writeValueAsString(body)))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new HttpClientSupport.Response(response.statusCode(), response.body(), response.headers());
        }
    }
}
