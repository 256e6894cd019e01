package de.kontor.monitoring.api;

import de.kontor.HttpClientSupport;
import de.kontor.HttpClientSupport.Response;
import de.kontor.IntegrationTest;
import de.kontor.security.NewUser;
import de.kontor.security.Role;
import de.kontor.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The monitoring REST API, the agents' endpoint and the Prometheus endpoints over real HTTP. */
class MonitoringApiTest extends IntegrationTest {

    @Autowired
    UserService users;

    @Autowired
    JdbcClient jdbc;

    private HttpClientSupport http;
    private String admin;

    @BeforeEach
    void setUp() {
        http = new HttpClientSupport(baseUrl());
        admin = http.token(ADMIN, ADMIN_PASSWORD);
    }

    record Node(long id, String token) {}

    private Node create(String name, String... tags) {
        Response r = http.postJson("/api/monitoring/nodes", Map.of("name", name, "tags", List.of(tags)), admin);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("name").asString()).isEqualTo(name);
        return new Node(r.json().get("id").asLong(), r.json().get("token").asString());
    }

    /** A report as the agent sends it, with one sample of the given values taken now. */
    private Response report(String token, Map<String, Double> values) {
        long now = clock.millis();
        Map<String, Object> body = Map.of(
                "agent",
                Map.of("version", "1.0", "protocol", 1, "hostname", "test-host", "capabilities", List.of()),
                "sentAt",
                now,
                "samples",
                List.of(Map.of("at", now / 1000, "values", values)));
        return http.postJson("/api/monitoring/agent/v1/report", body, token);
    }

    private Map<String, Object> listed(long id) {
        Response list = http.get("/api/monitoring/nodes", admin);
        assertThat(list.status()).isEqualTo(200);
        for (var n : list.json()) {
            if (n.get("id").asLong() == id) {
                return Map.of(
                        "status",
                        n.get("status").asString(),
                        "healthScore",
                        n.get("healthScore").isNull()
                                ? "null"
                                : n.get("healthScore").asString(),
                        "cpu",
                        n.get("cpu").isNull() ? "null" : n.get("cpu").asString(),
                        "reasons",
                        n.get("healthReasons").toString());
            }
        }
        return Map.of();
    }

    @Test
    void aReportWithTheNodeTokenMakesTheNodeOnlineWithItsValuesAndHealth() {
        Node node = create(unique("db"), "db");
        assertThat(listed(node.id())).containsEntry("status", "PENDING").containsEntry("healthScore", "null");

        Response answer = report(node.token(), Map.of("cpu", 92.5, "memory", 40.0, "disk", 85.0, "disk:/", 85.0));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("accepted").asInt()).isEqualTo(4);
        assertThat(answer.json().get("settings").get("inventorySeconds").asInt())
                .isEqualTo(60);
        assertThat(answer.json().get("pendingCommands").asInt()).isZero();
        // 100 - 30 (CPU >= 90) - 10 (disk >= 80)
        assertThat(listed(node.id()))
                .containsEntry("status", "ONLINE")
                .containsEntry("healthScore", "60")
                .containsEntry("cpu", "92.5");
        assertThat(listed(node.id()).get("reasons").toString()).contains("CPU_HIGH", "DISK_FULL");
    }

    @Test
    void aNodeWithoutReportsForTwoMinutesIsUnreachableAndReportingBringsItBack() {
        Node node = create(unique("quiet"));
        assertThat(report(node.token(), Map.of("cpu", 1.0)).status()).isEqualTo(200);
        assertThat(listed(node.id())).containsEntry("status", "ONLINE");

        clock.advance(Duration.ofMinutes(1));
        assertThat(listed(node.id())).containsEntry("status", "ONLINE");
        clock.advance(Duration.ofSeconds(61));
        assertThat(listed(node.id())).containsEntry("status", "UNREACHABLE").containsEntry("healthScore", "0");

        assertThat(report(node.token(), Map.of("cpu", 2.0)).status()).isEqualTo(200);
        assertThat(listed(node.id())).containsEntry("status", "ONLINE");
    }

    @Test
    void aReplacedTokenIsRefusedAndArchivingRefusesTheNewOneToo() {
        Node node = create(unique("rotating"));
        assertThat(report(node.token(), Map.of("cpu", 3.0)).status()).isEqualTo(200);

        Response rotated = http.postJson("/api/monitoring/nodes/" + node.id() + "/token", Map.of(), admin);
        assertThat(rotated.status()).isEqualTo(200);
        String fresh = rotated.json().get("token").asString();
        assertThat(fresh).isNotEqualTo(node.token());

        Response old = report(node.token(), Map.of("cpu", 4.0));
        assertThat(old.status()).isEqualTo(401);
        assertThat(old.json().get("code").asString()).isEqualTo("INVALID_NODE_TOKEN");
        assertThat(report(fresh, Map.of("cpu", 5.0)).status()).isEqualTo(200);

        assertThat(http.delete("/api/monitoring/nodes/" + node.id(), admin).status())
                .isEqualTo(204);
        assertThat(report(fresh, Map.of("cpu", 6.0)).status()).isEqualTo(401);
        assertThat(http.get("/api/monitoring/nodes/" + node.id(), admin).status())
                .isEqualTo(404);
        assertThat(listed(node.id())).isEmpty();
    }

    @Test
    void theNodeTokenIsStoredOnlyAsItsSha256() throws Exception {
        Node node = create(unique("hashed"));
        String stored = jdbc.sql("select token_hash from monitoring_node where id = ?")
                .param(node.id())
                .query(String.class)
                .single();

        String sha256 = HexFormat.of()
                .formatHex(
                        MessageDigest.getInstance("SHA-256").digest(node.token().getBytes(StandardCharsets.UTF_8)));
        assertThat(stored).isNotEqualTo(node.token()).isEqualToIgnoringCase(sha256);
        assertThat(jdbc.sql("select count(*) from monitoring_node where token_hash = ? or token_prefix = ?")
                        .params(node.token(), node.token())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theMonitoringEndpointsAreInTheApiDocumentation() {
        assertThat(http.submitLoginForm(ADMIN, ADMIN_PASSWORD).status()).isEqualTo(302);
        Response docs = http.get("/api/docs/openapi.json", null);
        assertThat(docs.status()).isEqualTo(200);
        var paths = docs.json().get("paths");
        for (String path : List.of(
                "/api/monitoring/nodes",
                "/api/monitoring/nodes/{id}",
                "/api/monitoring/nodes/{id}/series",
                "/api/monitoring/rules",
                "/api/monitoring/alerts/{id}/ack",
                "/api/monitoring/channels/{id}/test",
                "/api/monitoring/deliveries",
                "/api/monitoring/report",
                "/api/monitoring/agent/v1/report")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        assertThat(paths.get("/api/monitoring/nodes").has("post")).isTrue();
        assertThat(paths.get("/api/monitoring/agent/v1/report").has("post")).isTrue();
    }

    @Test
    void theAgentEndpointRefusesMissingAndUserTokens() {
        assertThat(http.postJson("/api/monitoring/agent/v1/report", Map.of(), null)
                        .status())
                .isEqualTo(401);
        assertThat(http.postJson("/api/monitoring/agent/v1/report", Map.of(), admin)
                        .status())
                .as("an admin's API token is no node token")
                .isEqualTo(401);
    }

    @Test
    void badInputIsExplained() {
        Response noName = http.postJson("/api/monitoring/nodes", Map.of("name", " ", "tags", List.of()), admin);
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().get("code").asString()).isEqualTo("NAME_REQUIRED");
        String name = unique("twin");
        create(name);
        Response twin = http.postJson("/api/monitoring/nodes", Map.of("name", name, "tags", List.of()), admin);
        assertThat(twin.status()).isEqualTo(400);
        assertThat(twin.json().get("code").asString()).isEqualTo("NODE_NAME_TAKEN");
        Response badTag =
                http.postJson("/api/monitoring/nodes", Map.of("name", unique("t"), "tags", List.of("a b")), admin);
        assertThat(badTag.json().get("code").asString()).isEqualTo("TAG_INVALID");
        Node node = create(unique("ranges"));
        String series = "/api/monitoring/nodes/" + node.id() + "/series?metric=cpu";
        assertThat(http.get(series + "&from=yesterday", admin)
                        .json()
                        .get("code")
                        .asString())
                .isEqualTo("TIME_INVALID");
        assertThat(http.get(series + "&from=2000&to=1000", admin)
                        .json()
                        .get("code")
                        .asString())
                .isEqualTo("RANGE_EMPTY");
        assertThat(http.get(series + "&step=-5", admin).json().get("code").asString())
                .isEqualTo("STEP_INVALID");
        assertThat(http.get("/api/monitoring/nodes/999999999/series?metric=cpu", admin)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void onlyAdminsUseTheMonitoringApi() {
        String member = unique("member");
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        ADMIN, null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        users.createUser(new NewUser(member, "M", null, EnumSet.of(Role.MEMBER), "Member-Pass-1234"));
        SecurityContextHolder.clearContext();
        String memberToken = http.token(member, "Member-Pass-1234");

        assertThat(http.get("/api/monitoring/nodes", null).status()).isEqualTo(401);
        assertThat(http.get("/api/monitoring/nodes", memberToken).status()).isEqualTo(403);
        assertThat(http.postJson("/api/monitoring/nodes", Map.of("name", "x"), memberToken)
                        .status())
                .isEqualTo(403);
        assertThat(http.get("/api/monitoring/scrape-tokens", memberToken).status())
                .isEqualTo(403);
        assertThat(http.get("/api/monitoring/nodes", admin).status()).isEqualTo(200);
    }

    @Test
    void prometheusScrapesKontorsOwnMetricsWithAScrapeTokenOnly() {
        assertThat(http.get("/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(http.get("/actuator/prometheus", admin).status())
                .as("a user's token is no scrape token")
                .isEqualTo(401);
        Response scraped = http.get("/actuator/prometheus", "test-scrape-token");
        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.body()).contains("jvm_memory_used_bytes", "hikaricp_connections", "http_server_requests");

        Response created = http.postJson("/api/monitoring/scrape-tokens", Map.of("name", "prometheus-1"), admin);
        assertThat(created.status()).isEqualTo(201);
        String token = created.json().get("token").asString();
        assertThat(http.get("/actuator/prometheus", token).status()).isEqualTo(200);
        assertThat(http.delete(
                                "/api/monitoring/scrape-tokens/"
                                        + created.json().get("id").asLong(),
                                admin)
                        .status())
                .isEqualTo(204);
        assertThat(http.get("/actuator/prometheus", token).status()).isEqualTo(401);
        assertThat(http.get("/actuator/metrics", admin).status())
                .as("the other actuator endpoints stay with admins")
                .isEqualTo(200);
    }

    @Test
    void theFederationEndpointHasEveryNodesNewestValuesInPrometheusTextFormat() {
        String name = unique("fed");
        Node node = create(name);
        assertThat(report(
                                node.token(),
                                Map.of("cpu", 12.5, "disk:/var", 41.0, "net.rx:eth0", 1000.0, "temp:cpu-thermal", 48.2))
                        .status())
                .isEqualTo(200);

        assertThat(http.get("/api/monitoring/federate", admin).status()).isEqualTo(401);
        Response federated = http.get("/api/monitoring/federate", "test-scrape-token");

        assertThat(federated.status()).isEqualTo(200);
        assertThat(federated.contentType()).startsWith("text/plain");
        String labels = "node=\"" + name + "\",node_id=\"" + node.id() + "\"";
        assertThat(federated.body())
                .contains("# TYPE kontor_node_cpu_percent gauge")
                .containsPattern("kontor_node_cpu_percent\\{" + labels + "} 12\\.5 \\d{13}")
                .contains("kontor_node_filesystem_used_percent{mount=\"/var\"," + labels + "} 41.0")
                .contains("kontor_node_interface_receive_bytes_per_second{interface=\"eth0\"," + labels + "} 1000.0")
                .contains("kontor_node_temperature_celsius{" + labels + ",sensor=\"cpu-thermal\"} 48.2")
                .contains("kontor_node_up{" + labels + "} 1");
    }
}
