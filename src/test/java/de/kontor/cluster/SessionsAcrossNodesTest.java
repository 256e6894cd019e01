package de.kontor.cluster;

import de.kontor.Application;
import de.kontor.HttpClientSupport;
import de.kontor.TestDataDir;
import de.kontor.TestMail;
import de.kontor.base.db.EmbeddedMariaDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import tools.jackson.databind.JsonNode;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The session registry on two nodes of one database: a browser signed in on node A is listed on node B
 * with A's name, and an admin on B ending it signs the browser out on A within A's check interval.
 */
class SessionsAcrossNodesTest {

    private static final String ADMIN_PASSWORD = "Sessions-Cluster-Pw-4";
    private static final String USER_PASSWORD = "Sessions-Cluster-User-9";

    private static EmbeddedMariaDb db;
    private static final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    @BeforeAll
    static void database() {
        db = EmbeddedMariaDb.start(TestDataDir.create("sessions-cluster-db"), 0);
    }

    /**
     * Starting an application sets Spring Security's global context holder strategy: the shared test context
     * (in this JVM too) must get its own back, as in {@code TwoNodesTest}.
     */
    private static final SecurityContextHolderStrategy sharedStrategy =
            SecurityContextHolder.getContextHolderStrategy();

    @AfterAll
    static void stop() {
        SecurityContextHolder.setContextHolderStrategy(sharedStrategy);
        nodes.forEach(ConfigurableApplicationContext::close);
        if (db != null) {
            db.close();
        }
    }

    private static ConfigurableApplicationContext start(String name, String key) {
        ConfigurableApplicationContext node = new SpringApplicationBuilder(Application.class)
                .profiles("test")
                .run(
                        "--spring.datasource.url=" + db.jdbcUrl(),
                        "--spring.datasource.username=" + db.username(),
                        "--spring.datasource.password=" + db.password(),
                        "--kontor.data-dir=" + TestDataDir.create(name),
                        "--kontor.secret-key=" + key,
                        "--server.port=0",
                        "--kontor.admin.password=" + ADMIN_PASSWORD,
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + TestMail.port(),
                        "--kontor.security.sessions.node-name=" + name,
                        "--kontor.security.sessions.check-interval=1s",
                        // one JVM: each node's scheduler needs a name of its own (see TwoNodesTest)
                        "--spring.quartz.properties.org.quartz.scheduler.instanceName=kontor-" + name);
        nodes.add(node);
        return node;
    }

    private static String baseUrl(ConfigurableApplicationContext node) {
        return "http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port");
    }

    @Test
    void aSessionEndedOnOneNodeIsSignedOutOnTheOtherWithinSeconds() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String key = Base64.getEncoder().encodeToString(bytes);
        ConfigurableApplicationContext a = start("sessions-node-a", key);
        // the admin acts on B: B's strategy is the global one while the test runs
        ConfigurableApplicationContext b = start("sessions-node-b", key);
        var onB = new HttpClientSupport(baseUrl(b));
        String admin = onB.token("admin", ADMIN_PASSWORD);
        var created = onB.postJson(
                "/api/admin/users",
                Map.of(
                        "username",
                        "roaming",
                        "displayName",
                        "Roaming User",
                        "password",
                        USER_PASSWORD,
                        "roles",
                        List.of("MEMBER")),
                admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        var browserOnA = new HttpClientSupport(baseUrl(a));
        assertThat(browserOnA.submitLoginForm("roaming", USER_PASSWORD).header("Location"))
                .doesNotContain("login");
        assertThat(browserOnA.get("/", null).status()).isEqualTo(200);

        var listed = onB.get("/api/admin/sessions?kind=UI&user=roaming", admin);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        JsonNode session = listed.json().get("items").get(0);
        assertThat(session.get("node").asString()).isEqualTo("sessions-node-a");

        assertThat(onB.delete("/api/admin/sessions/" + session.get("id").asLong(), admin)
                        .status())
                .isEqualTo(204);

        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> browserOnA.get("/", null).status() == 302);
        assertThat(browserOnA.get("/account", null).header("Location")).contains("/login");
    }
}
