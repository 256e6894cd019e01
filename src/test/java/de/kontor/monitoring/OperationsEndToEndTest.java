package de.kontor.monitoring;

import de.kontor.HttpClientSupport;
import de.kontor.HttpClientSupport.Response;
import de.kontor.IntegrationTest;
import de.kontor.TestTotp;
import de.kontor.agent.Agent;
import de.kontor.agent.AgentConfig;
import de.kontor.monitoring.MonitoringTestSupport.CreatedNode;
import de.kontor.security.NewUser;
import de.kontor.security.Role;
import de.kontor.security.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static de.kontor.monitoring.MonitoringTestSupport.adminToken;
import static de.kontor.monitoring.MonitoringTestSupport.createNode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Server operations end to end: Kontor's REST API, a signed command, a real agent in this JVM polling
 * Kontor over HTTP, and the result. Processes and sockets are this machine's own; systemctl, journalctl and
 * ufw are small scripts on the agent's PATH that record their arguments.
 */
class OperationsEndToEndTest extends IntegrationTest {

    private static final String PASSWORD = "Ops-Admin-Passw0rd-7";

    @Autowired
    UserService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MonitoringService monitoring;

    @TempDir
    Path dir;

    private HttpClientSupport http;
    private String admin;
    private String stepped;
    private final List<AutoCloseable> closing = new ArrayList<>();
    private Path bin;

    @BeforeEach
    void setUp() throws IOException {
        http = new HttpClientSupport(baseUrl());
        admin = adminToken(http);
        String name = unique("ops-admin");
        actAs(ADMIN);
        users.createUser(new NewUser(name, name, null, EnumSet.of(Role.ADMIN), PASSWORD));
        actAs(name);
        String secret = TestTotp.enrolCurrentUser(users, clock);
        SecurityContextHolder.clearContext();
        Response token = http.postJson(
                "/api/auth/token",
                Map.of("username", name, "password", PASSWORD, "totp", TestTotp.next(secret, clock)),
                null);
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        stepped = token.json().get("token").asString();
        bin = TestAgents.recordingTools(
                dir.resolve("bin"), List.of("systemctl", "journalctl", "ufw", "apt-get", "apt", "useradd"));
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    private static void actAs(String user) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        user, null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
    }

    /** A node with a running agent that allows the capabilities; returns once Kontor shows them. */
    private CreatedNode nodeWithAgent(String allow, Path state) {
        CreatedNode node = createNode(http, admin, unique("ops"), "ops");
        closing.add(TestAgents.startWithOperations(
                monitoring,
                URI.create(baseUrl()),
                node.id(),
                node.token(),
                allow,
                state,
                TestAgents.environmentWith(bin)));
        return node;
    }

    private CreatedNode nodeWithAgent(String allow) throws IOException {
        return nodeWithAgent(allow, Files.createDirectories(dir.resolve("state-" + System.nanoTime())));
    }

    private long act(CreatedNode node, String capability, String action, String target, Map<String, String> args) {
        Map<String, Object> body = new HashMap<>();
        body.put("capability", capability);
        body.put("action", action);
        body.put("target", target);
        body.put("arguments", args);
        body.put("reason", "end-to-end test");
        Response created = http.postJson("/api/monitoring/nodes/" + node.id() + "/actions", body, stepped);
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        return created.json().get("id").asLong();
    }

    private JsonNode finished(long action) {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !List.of("PENDING", "SENT")
                        .contains(http.get("/api/monitoring/actions/" + action, admin)
                                .json()
                                .get("state")
                                .asString()));
        return http.get("/api/monitoring/actions/" + action, admin).json();
    }

    private String calls() throws IOException {
        Path log = bin.resolve("calls.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Test
    void aSleepIsKilledThroughKontorAndTheActionIsAudited() throws Exception {
        CreatedNode node = nodeWithAgent("processes");
        Process sleep = new ProcessBuilder("sleep", "300").start();
        closing.add(sleep::destroyForcibly);

        Response listed = http.get("/api/monitoring/nodes/" + node.id() + "/processes", admin);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json().get("data").valueStream().map(p -> p.get("pid").asLong()))
                .contains(sleep.pid());

        long action = act(node, "processes", "signal", Long.toString(sleep.pid()), Map.of("signal", "KILL"));
        JsonNode result = finished(action);

        assertThat(result.get("state").asString()).as(result.toString()).isEqualTo("DONE");
        assertThat(result.get("exitCode").asInt()).isZero();
        assertThat(sleep.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(sleep.exitValue()).isEqualTo(137);
        List<String> audited = jdbc.sql(
                        "select action from audit_log where entity_type = 'NodeAction' and entity_id = ?")
                .param(Long.toString(action))
                .query(String.class)
                .list();
        assertThat(audited).containsExactlyInAnyOrder("REQUEST", "RESULT");
        String summary = jdbc.sql("select summary from audit_log where entity_type = 'NodeAction' and entity_id = ? "
                        + "and action = 'REQUEST'")
                .param(Long.toString(action))
                .query(String.class)
                .single();
        assertThat(summary).contains("processes signal " + sleep.pid()).contains("reason: end-to-end test");
    }

    @Test
    void kontorRefusesWithoutStepUpWithoutReasonAndWhatTheNodeDoesNotAllow() throws Exception {
        CreatedNode node = nodeWithAgent("processes");
        Map<String, Object> kill = Map.of(
                "capability", "processes", "action", "signal", "target", "4242", "arguments", Map.of(), "reason", "x");

        Response noStepUp = http.postJson("/api/monitoring/nodes/" + node.id() + "/actions", kill, admin);
        assertThat(noStepUp.status()).isEqualTo(403);
        assertThat(noStepUp.json().get("code").asString()).isEqualTo("STEP_UP_REQUIRED");

        Map<String, Object> restart =
                Map.of("capability", "services", "action", "restart", "target", "nginx.service", "reason", "test");
        Response notAllowed = http.postJson("/api/monitoring/nodes/" + node.id() + "/actions", restart, stepped);
        assertThat(notAllowed.status()).isEqualTo(409);
        assertThat(notAllowed.json().get("code").asString()).isEqualTo("CAPABILITY_NOT_ALLOWED");

        Map<String, Object> noReason =
                Map.of("capability", "processes", "action", "signal", "target", "4242", "arguments", Map.of());
        Response reasonless = http.postJson("/api/monitoring/nodes/" + node.id() + "/actions", noReason, stepped);
        assertThat(reasonless.status()).isEqualTo(400);
        assertThat(reasonless.body()).contains("REASON_REQUIRED");

        JsonNode capabilities = http.get("/api/monitoring/nodes/" + node.id() + "/capabilities", admin)
                .json();
        assertThat(capabilities.get("allowed").valueStream().map(JsonNode::asString))
                .containsExactly("processes");
        assertThat(capabilities.get("known").size()).isEqualTo(9);
    }

    @Test
    void servicesGoThroughSystemctlAsArgumentsAndAnInjectionIsRefused() throws Exception {
        CreatedNode node = nodeWithAgent("services");

        Response listed = http.get("/api/monitoring/nodes/" + node.id() + "/services", admin);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json()
                        .get("data")
                        .valueStream()
                        .map(u -> u.get("name").asString()))
                .containsExactly("cron.service", "nginx.service", "postgresql.service");

        JsonNode restarted = finished(act(node, "services", "restart", "nginx.service", Map.of()));
        assertThat(restarted.get("state").asString()).isEqualTo("DONE");
        assertThat(calls()).contains("systemctl restart --no-ask-password -- nginx.service");

        JsonNode injected = finished(act(node, "services", "stop", "nginx.service; rm -rf /", Map.of()));
        assertThat(injected.get("state").asString()).isEqualTo("REFUSED");
        assertThat(injected.get("output").asString()).contains("not a unit name");
        assertThat(calls()).doesNotContain("rm -rf");
    }

    @Test
    void logsComeFromTheJournalWithFiltersAndFromFilesUnderTheLogRootsOnly() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("log"));
        Files.writeString(logs.resolve("app.log"), "one\nerror: two\nthree\nerror: four\n");
        Path outside = Files.writeString(dir.resolve("secret.txt"), "password=hunter2\n");
        Files.createSymbolicLink(logs.resolve("escape.log"), outside);
        CreatedNode node = nodeWithAgent("logs:" + logs);

        Response journal = http.get(
                "/api/monitoring/nodes/" + node.id() + "/logs?unit=nginx.service&priority=err&filter=failed&lines=50",
                admin);
        assertThat(journal.status()).as(journal.body()).isEqualTo(200);
        assertThat(journal.json().get("output").asString()).contains("connect() failed");
        assertThat(calls())
                .contains("journalctl --no-pager --output=short-iso --lines=50 --unit=nginx.service --priority=err "
                        + "--grep=failed --case-sensitive=false");

        Response tail = http.get(
                "/api/monitoring/nodes/" + node.id() + "/logs?file=" + logs.resolve("app.log")
                        + "&filter=error&lines=1",
                admin);
        assertThat(tail.json().get("output").asString()).isEqualTo("error: four");

        Response dotdot =
                http.get("/api/monitoring/nodes/" + node.id() + "/logs?file=" + logs + "/../secret.txt", admin);
        assertThat(dotdot.json().get("state").asString()).isEqualTo("REFUSED");
        Response link =
                http.get("/api/monitoring/nodes/" + node.id() + "/logs?file=" + logs.resolve("escape.log"), admin);
        assertThat(link.json().get("state").asString()).isEqualTo("REFUSED");
        assertThat(link.json().get("output").asString()).doesNotContain("hunter2");
    }

    @Test
    void aListeningSocketIsListedAndUfwOpensAPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CreatedNode node = nodeWithAgent("ports");

            Response ports = http.get("/api/monitoring/nodes/" + node.id() + "/ports", admin);
            assertThat(ports.status()).as(ports.body()).isEqualTo(200);
            assertThat(ports.json()
                            .get("data")
                            .valueStream()
                            .map(p -> p.get("port").asInt()))
                    .contains(socket.getLocalPort());

            JsonNode opened = finished(act(node, "ports", "open", "8443", Map.of("protocol", "tcp")));
            assertThat(opened.get("state").asString()).isEqualTo("DONE");
            assertThat(opened.get("output").asString()).contains("Rule added");
            assertThat(calls()).contains("ufw allow 8443/tcp");
        }
    }

    @Test
    void updatesAreListedAndInstalledThroughAptAndUsersCreatedThroughUseradd() throws Exception {
        CreatedNode node = nodeWithAgent("updates,users");

        JsonNode listed = finished(act(node, "updates", "list", "", Map.of()));
        assertThat(listed.get("state").asString()).as(listed.toString()).isEqualTo("DONE");
        assertThat(listed.get("data").valueStream().map(u -> u.get("name").asString()))
                .containsExactly("libssl3", "openssl", "tzdata");
        assertThat(listed.get("data").get(0).get("installed").asString()).isEqualTo("3.0.14-1~deb12u2");

        JsonNode installed = finished(act(node, "updates", "install", "", Map.of()));
        assertThat(installed.get("output").asString()).contains("2 upgraded");
        assertThat(calls())
                .contains("apt-get -y -q -o Dpkg::Options::=--force-confdef -o "
                        + "Dpkg::Options::=--force-confold upgrade");

        JsonNode securityOnly = finished(act(node, "updates", "install", "", Map.of("security", "true")));
        assertThat(securityOnly.get("state").asString()).isEqualTo("REFUSED");
        assertThat(securityOnly.get("output").asString()).contains("unattended-upgrades");

        JsonNode users = finished(act(node, "users", "list", "", Map.of()));
        assertThat(users.get("data").valueStream().map(u -> u.get("name").asString()))
                .contains("root");
        JsonNode created = finished(act(node, "users", "create", "deploy", Map.of()));
        assertThat(created.get("state").asString()).isEqualTo("DONE");
        assertThat(calls()).contains("useradd --create-home --shell /bin/bash -- deploy");
        JsonNode option = finished(act(node, "users", "create", "--help", Map.of()));
        assertThat(option.get("state").asString()).isEqualTo("REFUSED");
    }

    @Test
    void theAgentRefusesCommandsSignedWithAnotherKeyOrForAnotherNode() throws Exception {
        var other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path forged = Files.createDirectories(dir.resolve("forged"));
        CreatedNode wrongKey = createNode(http, admin, unique("ops-forged"), "ops");
        Files.writeString(
                forged.resolve("command-key.json"),
                "{\"nodeId\": " + wrongKey.id() + ", \"keyId\": \"other\", \"publicKey\": \""
                        + Base64.getEncoder().encodeToString(other.getPublic().getEncoded()) + "\"}");
        long badSignature = refusedOn(wrongKey, forged);
        assertThat(finished(badSignature).get("output").asString()).contains("signature does not match");

        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        CreatedNode wrongNode = createNode(http, admin, unique("ops-other"), "ops");
        String key = kontorKey(wrongNode);
        Files.writeString(
                elsewhere.resolve("command-key.json"),
                "{\"nodeId\": 999999999, \"keyId\": \"k\", \"publicKey\": \"" + key + "\"}");
        long otherNode = refusedOn(wrongNode, elsewhere);
        assertThat(finished(otherNode).get("output").asString()).contains("for node " + wrongNode.id());
    }

    private String kontorKey(CreatedNode node) {
        Response key = http.get("/api/monitoring/agent/v1/command-key", node.token());
        assertThat(key.status()).as(key.body()).isEqualTo(200);
        assertThat(key.json().get("nodeId").asLong()).isEqualTo(node.id());
        return key.json().get("publicKey").asString();
    }

    private long refusedOn(CreatedNode node, Path state) throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PATH", bin + ":/usr/bin:/bin");
        Agent agent = new Agent(AgentConfig.of(URI.create(baseUrl()), node.token(), Duration.ofSeconds(1))
                .withOperations("processes", null, state, env));
        closing.add(agent);
        agent.start();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> http.get("/api/monitoring/nodes/" + node.id() + "/capabilities", admin)
                                .json()
                                .get("allowed")
                                .size()
                        > 0);
        long action = act(node, "processes", "signal", "999999", Map.of("signal", "TERM"));
        assertThat(finished(action).get("state").asString()).isEqualTo("REFUSED");
        return action;
    }
}
