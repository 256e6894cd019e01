package de.kontor.monitoring.api;

import de.kontor.HttpClientSupport;
import de.kontor.HttpClientSupport.Response;
import de.kontor.IntegrationTest;
import de.kontor.monitoring.MonitoringService;
import de.kontor.security.NewUser;
import de.kontor.security.Role;
import de.kontor.security.UserService;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The alert rule, alert and channel endpoints over real HTTP: the issue's bodies, validation, access. */
class AlertApiTest extends IntegrationTest {

    @Autowired
    UserService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MonitoringService monitoring;

    private HttpClientSupport http;
    private String admin;
    private final MockWebServer hook = new MockWebServer();

    @BeforeEach
    void setUp() throws IOException {
        http = new HttpClientSupport(baseUrl());
        admin = http.token(ADMIN, ADMIN_PASSWORD);
        hook.start();
    }

    @AfterEach
    void stop() {
        hook.close();
    }

    private static Map<String, Object> rule(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("metric", "cpu");
        body.put("operator", ">");
        body.put("threshold", 80);
        body.put("forSeconds", 300);
        body.put("nodeIds", null);
        body.put("tag", null);
        body.put("severity", "WARNING");
        body.put("channelIds", List.of());
        return body;
    }

    private static Map<String, Object> channel(String type, String name, String target, String format) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("name", name);
        body.put("target", target);
        body.put("format", format);
        return body;
    }

    private static String fieldOf(Response r) {
        return r.json().get("errors").get(0).get("field").asString();
    }

    @Test
    void rulesAreCreatedChangedListedAndDeletedWithTheIssuesBody() {
        String name = unique("cpu-rule");
        Response created = http.postJson("/api/monitoring/rules", rule(name), admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("operator").asString()).isEqualTo(">");
        assertThat(created.json().get("forSeconds").asInt()).isEqualTo(300);
        assertThat(created.json().get("nodeIds").isNull()).isTrue();

        Map<String, Object> changed = rule(name);
        changed.put("threshold", 95.5);
        changed.put("tag", "Web");
        changed.put("severity", "critical");
        Response updated = http.putJson("/api/monitoring/rules/" + id, changed, admin);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("threshold").asDouble()).isEqualTo(95.5);
        assertThat(updated.json().get("tag").asString()).isEqualTo("web");
        assertThat(updated.json().get("severity").asString()).isEqualTo("CRITICAL");

        assertThat(names(http.get("/api/monitoring/rules", admin))).contains(name);
        assertThat(http.delete("/api/monitoring/rules/" + id, admin).status()).isEqualTo(204);
        assertThat(names(http.get("/api/monitoring/rules", admin))).doesNotContain(name);
        assertThat(http.putJson("/api/monitoring/rules/" + id, changed, admin).status())
                .isEqualTo(404);
    }

    private static List<String> names(Response list) {
        assertThat(list.status()).isEqualTo(200);
        return list.json().valueStream().map(n -> n.get("name").asString()).toList();
    }

    @Test
    void badRulesAreRefusedWithTheFieldThatIsWrong() {
        Map<String, Object> noName = rule(" ");
        Response r = http.postJson("/api/monitoring/rules", noName, admin);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("code").asString()).isEqualTo("NAME_REQUIRED");
        assertThat(fieldOf(r)).isEqualTo("name");

        Map<String, Object> badOperator = rule(unique("r"));
        badOperator.put("operator", "~");
        assertThat(fieldOf(http.postJson("/api/monitoring/rules", badOperator, admin)))
                .isEqualTo("operator");

        Map<String, Object> textThreshold = rule(unique("r"));
        textThreshold.put("threshold", "eighty");
        Response typed = http.postJson("/api/monitoring/rules", textThreshold, admin);
        assertThat(typed.status()).isEqualTo(400);
        assertThat(fieldOf(typed)).isEqualTo("threshold");

        Map<String, Object> badMetric = rule(unique("r"));
        badMetric.put("metric", "cpu *");
        assertThat(fieldOf(http.postJson("/api/monitoring/rules", badMetric, admin)))
                .isEqualTo("metric");

        Map<String, Object> unknownNode = rule(unique("r"));
        unknownNode.put("nodeIds", List.of(987654321));
        Response node = http.postJson("/api/monitoring/rules", unknownNode, admin);
        assertThat(node.status()).isEqualTo(400);
        assertThat(fieldOf(node)).isEqualTo("nodeIds");

        Map<String, Object> unknownChannel = rule(unique("r"));
        unknownChannel.put("channelIds", List.of(987654321));
        assertThat(fieldOf(http.postJson("/api/monitoring/rules", unknownChannel, admin)))
                .isEqualTo("channelIds");

        Map<String, Object> negative = rule(unique("r"));
        negative.put("forSeconds", -1);
        assertThat(fieldOf(http.postJson("/api/monitoring/rules", negative, admin)))
                .isEqualTo("forSeconds");
    }

    @Test
    void channelsKeepTheirTargetsEncryptedAndShowOnlyAHint() {
        String url = hook.url("/hooks/T000/secret-token-123").toString();
        Response created =
                http.postJson("/api/monitoring/channels", channel("WEBHOOK", unique("slack"), url, "SLACK"), admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.body()).doesNotContain("secret-token-123");
        assertThat(created.json().get("targetHint").asString())
                .isEqualTo("http://" + hook.getHostName() + ":" + hook.getPort() + "/…");
        String stored = jdbc.sql("select target from monitoring_channel where id = ?")
                .param(id)
                .query(String.class)
                .single();
        assertThat(stored).startsWith("v1:").doesNotContain("secret-token-123");

        Response list = http.get("/api/monitoring/channels", admin);
        assertThat(list.body()).doesNotContain("secret-token-123");

        // a change without a target keeps the stored one
        Map<String, Object> renamed = channel("WEBHOOK", unique("slack2"), "", "SLACK");
        assertThat(http.putJson("/api/monitoring/channels/" + id, renamed, admin)
                        .status())
                .isEqualTo(200);
        hook.enqueue(new MockResponse.Builder().code(200).build());
        Response test = http.postJson("/api/monitoring/channels/" + id + "/test", Map.of(), admin);
        assertThat(test.status()).as(test.body()).isEqualTo(200);
        assertThat(test.json().get("state").asString()).isEqualTo("SENT");
        assertThat(test.json().get("event").asString()).isEqualTo("TEST");

        assertThat(http.delete("/api/monitoring/channels/" + id, admin).status())
                .isEqualTo(204);
        assertThat(http.get("/api/monitoring/channels", admin).body())
                .doesNotContain(renamed.get("name").toString());
    }

    @Test
    void aFailedTestSaysWhy() {
        String url = hook.url("/down").toString();
        long id = http.postJson("/api/monitoring/channels", channel("WEBHOOK", unique("down"), url, "GENERIC"), admin)
                .json()
                .get("id")
                .asLong();
        hook.enqueue(new MockResponse.Builder().code(404).build());
        Response test = http.postJson("/api/monitoring/channels/" + id + "/test", Map.of(), admin);
        assertThat(test.json().get("state").asString()).isEqualTo("FAILED");
        assertThat(test.json().get("error").asString()).contains("404");
    }

    @Test
    void badChannelsAreRefusedWithTheFieldThatIsWrong() {
        Response type = http.postJson("/api/monitoring/channels", channel("PIGEON", "x", "y", null), admin);
        assertThat(type.status()).isEqualTo(400);
        assertThat(fieldOf(type)).isEqualTo("type");
        Response mail = http.postJson(
                "/api/monitoring/channels", channel("EMAIL", unique("m"), "ops@example.org, nope", null), admin);
        assertThat(mail.json().get("code").asString()).isEqualTo("EMAIL_INVALID");
        assertThat(fieldOf(mail)).isEqualTo("target");
        Response url =
                http.postJson("/api/monitoring/channels", channel("WEBHOOK", unique("w"), "ftp://x/y", "NTFY"), admin);
        assertThat(fieldOf(url)).isEqualTo("target");
        Response format = http.postJson(
                "/api/monitoring/channels", channel("WEBHOOK", unique("w"), "https://x.example/y", "FAX"), admin);
        assertThat(fieldOf(format)).isEqualTo("format");
        Response template = http.postJson(
                "/api/monitoring/channels", channel("WEBHOOK", unique("w"), "https://x.example/y", "TEMPLATE"), admin);
        assertThat(fieldOf(template)).isEqualTo("template");
    }

    @Test
    void alertsAreListedByStateAndUnknownOnesCannotBeAcknowledged() {
        Response firing = http.get("/api/monitoring/alerts?state=FIRING", admin);
        assertThat(firing.status()).isEqualTo(200);
        assertThat(firing.json().isArray()).isTrue();
        for (JsonNode alert : firing.json()) {
            assertThat(alert.get("state").asString()).isEqualTo("FIRING");
        }
        assertThat(http.get("/api/monitoring/alerts?state=ALL", admin).status()).isEqualTo(200);
        assertThat(http.get("/api/monitoring/alerts?state=RESOLVED", admin).status())
                .isEqualTo(200);
        Response bad = http.get("/api/monitoring/alerts?state=ON_FIRE", admin);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fieldOf(bad)).isEqualTo("state");
        assertThat(http.postJson("/api/monitoring/alerts/987654321/ack", Map.of(), admin)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aFiringAlertIsListedAcknowledgedAndItsFailedDeliveryIsVisible() {
        hook.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(503).body("down").build();
            }
        });
        Response node =
                http.postJson("/api/monitoring/nodes", Map.of("name", unique("api-alert"), "tags", List.of()), admin);
        assertThat(node.status()).as(node.body()).isEqualTo(201);
        long nodeId = node.json().get("id").asLong();
        Response channel = http.postJson(
                "/api/monitoring/channels",
                channel("WEBHOOK", unique("down-hook"), hook.url("/hook").toString(), "GENERIC"),
                admin);
        assertThat(channel.status()).as(channel.body()).isEqualTo(201);
        long channelId = channel.json().get("id").asLong();
        Map<String, Object> body = rule(unique("api-cpu"));
        body.put("forSeconds", 0);
        body.put("nodeIds", List.of(nodeId));
        body.put("channelIds", List.of(channelId));
        Response rule = http.postJson("/api/monitoring/rules", body, admin);
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        long now = clock.millis();
        Response report = http.postJson(
                "/api/monitoring/agent/v1/report",
                Map.of(
                        "agent",
                        Map.of("version", "1.0", "protocol", 1, "hostname", "h", "capabilities", List.of()),
                        "sentAt",
                        now,
                        "samples",
                        List.of(Map.of("at", now / 1000, "values", Map.of("cpu", 97.0)))),
                node.json().get("token").asString());
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        monitoring.evaluateAlerts();

        Response firing = http.get("/api/monitoring/alerts?state=FIRING&nodeId=" + nodeId, admin);
        assertThat(firing.status()).isEqualTo(200);
        assertThat(firing.json().size()).isEqualTo(1);
        JsonNode alert = firing.json().get(0);
        assertThat(alert.get("state").asString()).isEqualTo("FIRING");
        assertThat(alert.get("value").asDouble()).isEqualTo(97.0);
        assertThat(alert.get("acknowledgedBy").isNull()).isTrue();
        long alertId = alert.get("id").asLong();
        assertThat(ids(http.get("/api/monitoring/alerts?state=FIRING", admin))).contains(alertId);
        assertThat(ids(http.get("/api/monitoring/alerts?state=RESOLVED&nodeId=" + nodeId, admin)))
                .doesNotContain(alertId);

        Response ack = http.postJson("/api/monitoring/alerts/" + alertId + "/ack", Map.of(), admin);
        assertThat(ack.status()).as(ack.body()).isEqualTo(200);
        assertThat(ack.json().get("acknowledgedBy").asString()).isEqualTo(ADMIN);
        assertThat(ack.json().get("acknowledgedAt").isNull()).isFalse();

        Response deliveries = http.get("/api/monitoring/deliveries?channelId=" + channelId, admin);
        assertThat(deliveries.status()).isEqualTo(200);
        assertThat(deliveries.json().size()).isEqualTo(1);
        JsonNode delivery = deliveries.json().get(0);
        assertThat(delivery.get("alertId").asLong()).isEqualTo(alertId);
        assertThat(delivery.get("state").asString()).isIn("RETRYING", "FAILED");
        assertThat(delivery.get("error").asString()).contains("503");
        assertThat(ids(http.get("/api/monitoring/deliveries", admin)))
                .contains(delivery.get("id").asLong());
    }

    private static List<Long> ids(Response list) {
        assertThat(list.status()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        list.json().forEach(n -> ids.add(n.get("id").asLong()));
        return ids;
    }

    @Test
    void onlyAdminsSeeOrChangeRulesAlertsAndChannels() {
        String member = unique("member");
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        ADMIN, null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        users.createUser(new NewUser(member, "M", null, EnumSet.of(Role.MEMBER), "Member-Pass-1234"));
        SecurityContextHolder.clearContext();
        String memberToken = http.token(member, "Member-Pass-1234");

        for (String path : List.of(
                "/api/monitoring/rules",
                "/api/monitoring/alerts",
                "/api/monitoring/channels",
                "/api/monitoring/silences")) {
            assertThat(http.get(path, null).status()).as(path).isEqualTo(401);
            assertThat(http.get(path, memberToken).status()).as(path).isEqualTo(403);
            assertThat(http.get(path, admin).status()).as(path).isEqualTo(200);
        }
        assertThat(http.postJson("/api/monitoring/rules", rule(unique("m")), memberToken)
                        .status())
                .isEqualTo(403);
        assertThat(http.postJson("/api/monitoring/channels", channel("EMAIL", "x", "a@b.cd", null), memberToken)
                        .status())
                .isEqualTo(403);
        assertThat(http.postJson("/api/monitoring/channels/1/test", Map.of(), memberToken)
                        .status())
                .isEqualTo(403);
        assertThat(http.postJson("/api/monitoring/alerts/1/ack", Map.of(), memberToken)
                        .status())
                .isEqualTo(403);
    }
}
