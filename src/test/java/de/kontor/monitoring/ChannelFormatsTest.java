package de.kontor.monitoring;

import de.kontor.IntegrationTest;
import de.kontor.TestMail;
import de.kontor.agent.Protocol.AgentInfo;
import de.kontor.agent.Protocol.Report;
import de.kontor.agent.Sample;
import de.kontor.monitoring.AlertModel.ChannelDefinition;
import de.kontor.monitoring.AlertModel.Delivery;
import de.kontor.monitoring.AlertModel.DeliveryState;
import de.kontor.monitoring.AlertModel.RuleDefinition;
import de.kontor.monitoring.MonitoringModel.NewNode;
import jakarta.mail.internet.MimeMessage;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every channel on the wire: each webhook format against a real HTTP server on loopback, e-mail through the
 * outbox to GreenMail, with a real firing alert and with "send test".
 */
class ChannelFormatsTest extends IntegrationTest {

    @Autowired
    MonitoringService monitoring;

    @Autowired
    JsonMapper json;

    private WebhookReceiver hook;

    @BeforeEach
    void setUp() {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "channel-admin", null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        hook = new WebhookReceiver();
    }

    @AfterEach
    void tearDown() {
        hook.close();
        SecurityContextHolder.clearContext();
    }

    private long webhook(String format, String path, String template) {
        return monitoring
                .createChannel(new ChannelDefinition("WEBHOOK", unique(format), hook.url(path), format, template))
                .id();
    }

    /** A node named {@code nodeName} whose CPU fires a critical rule at once, notifying the channel. */
    private void fire(long channel, String nodeName) {
        long node = monitoring.addNode(new NewNode(nodeName, List.of())).nodeId();
        monitoring.createAlertRule(new RuleDefinition(
                "CPU hot", "cpu", ">", 80.0, 0, List.of(node), null, "CRITICAL", List.of(channel), true));
        monitoring.report(
                node,
                new Report(
                        new AgentInfo("1.0", 1, "h", List.of()),
                        clock.millis(),
                        List.of(new Sample(clock.instant().getEpochSecond(), Map.of("cpu", 97.5))),
                        null),
                "127.0.0.1");
        monitoring.evaluateAlerts();
    }

    private JsonNode body(RecordedRequest request) {
        return json.readTree(request.getBody().utf8());
    }

    @Test
    void genericJsonCarriesEveryFieldOfTheAlert() {
        String node = unique("gen-node");
        fire(webhook("GENERIC", "/generic", null), node);
        RecordedRequest request = hook.next();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        JsonNode body = body(request);
        assertThat(body.get("event").asString()).isEqualTo("FIRING");
        assertThat(body.get("title").asString()).contains("CRITICAL", "CPU hot", node);
        JsonNode alert = body.get("alert");
        assertThat(alert.get("node").asString()).isEqualTo(node);
        assertThat(alert.get("rule").asString()).isEqualTo("CPU hot");
        assertThat(alert.get("value").asDouble()).isEqualTo(97.5);
        assertThat(alert.get("threshold").asDouble()).isEqualTo(80.0);
        assertThat(alert.get("operator").asString()).isEqualTo(">");
        assertThat(alert.get("firedAt").asString()).isNotBlank();
    }

    @Test
    void slackGetsItsTextField() {
        String node = unique("slack-node");
        fire(webhook("SLACK", "/services/T0/B0/xyz", null), node);
        JsonNode body = body(hook.next());
        assertThat(body.properties()).hasSize(1);
        assertThat(body.get("text").asString())
                .startsWith("*[CRITICAL] CPU hot ")
                .contains(node + "*\n", "97.5");
    }

    @Test
    void teamsGetsAnAdaptiveCard() {
        String node = unique("teams-node");
        fire(webhook("TEAMS", "/workflows/abc", null), node);
        JsonNode body = body(hook.next());
        assertThat(body.get("type").asString()).isEqualTo("message");
        JsonNode attachment = body.get("attachments").get(0);
        assertThat(attachment.get("contentType").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode card = attachment.get("content");
        assertThat(card.get("type").asString()).isEqualTo("AdaptiveCard");
        assertThat(card.get("body").get(0).get("text").asString()).contains("CPU hot", node);
        assertThat(card.get("body").get(0).get("color").asString()).isEqualTo("Attention");
        assertThat(card.get("body").get(1).get("text").asString()).contains("97.5");
    }

    @Test
    void ntfyGetsPlainTextWithTitlePriorityAndTagsInHeaders() {
        String node = unique("ntfy-node");
        fire(webhook("NTFY", "/kontor-alerts", null), node);
        RecordedRequest request = hook.next();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/kontor-alerts");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("text/plain");
        assertThat(request.getHeaders().get("Title")).contains("CPU hot", node);
        assertThat(request.getHeaders().get("Priority")).isEqualTo("urgent");
        assertThat(request.getHeaders().get("Tags")).isEqualTo("rotating_light");
        assertThat(request.getBody().utf8()).contains(node, "97.5");
    }

    @Test
    void gotifyGetsTitleMessageAndPriority() {
        String node = unique("gotify-node");
        fire(webhook("GOTIFY", "/message?token=AbCdEf", null), node);
        RecordedRequest request = hook.next();
        assertThat(request.getUrl().queryParameter("token")).isEqualTo("AbCdEf");
        JsonNode body = body(request);
        assertThat(body.get("title").asString()).contains("CPU hot", node);
        assertThat(body.get("message").asString()).contains("97.5");
        assertThat(body.get("priority").asInt()).isEqualTo(9);
    }

    @Test
    void aJsonTemplateIsFilledWithEscapedValues() {
        String node = unique("sms\"node");
        fire(
                webhook(
                        "TEMPLATE",
                        "/sms/send",
                        "{\"to\": \"+491701234567\", \"text\": \"{{severity}} {{node}}: {{metric}} = {{value}}\"}"),
                node);
        RecordedRequest request = hook.next();
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        JsonNode body = body(request);
        assertThat(body.get("to").asString()).isEqualTo("+491701234567");
        assertThat(body.get("text").asString()).isEqualTo("CRITICAL " + node + ": cpu = 97.5");
    }

    @Test
    void aFormTemplateIsFilledWithUrlEncodedValues() {
        String node = unique("form node");
        fire(webhook("TEMPLATE", "/sms", "user=kontor&to=491701234567&message={{title}}"), node);
        RecordedRequest request = hook.next();
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        String body = request.getBody().utf8();
        assertThat(body).startsWith("user=kontor&to=491701234567&message=");
        assertThat(URLDecoder.decode(body.substring(body.lastIndexOf('=') + 1), StandardCharsets.UTF_8))
                .startsWith("[CRITICAL] CPU hot ")
                .endsWith(" " + node);
    }

    @Test
    void sendTestReachesEveryFormat() {
        for (String format : List.of("GENERIC", "SLACK", "TEAMS", "NTFY", "GOTIFY")) {
            Delivery delivery = monitoring.testChannel(webhook(format, "/test-" + format, null));
            assertThat(delivery.state()).as(format).isEqualTo(DeliveryState.SENT);
            assertThat(hook.next().getBody().utf8()).as(format).contains(format + "-");
        }
    }

    @Test
    void eMailGoesThroughTheOutboxToEveryAddress() throws Exception {
        String first = unique("ops") + "@example.org";
        String second = unique("oncall") + "@example.org";
        long channel = monitoring
                .createChannel(new ChannelDefinition("EMAIL", unique("mail"), first + "; " + second, null, null))
                .id();
        assertThat(monitoring.channel(channel).targetHint()).isEqualTo(first + ", " + second);
        String node = unique("mail-node");
        fire(channel, node);

        MimeMessage mail = TestMail.awaitMailsTo(first, 1).getFirst();
        assertThat(mail.getSubject()).startsWith("[CRITICAL] CPU hot ").endsWith(" " + node);
        assertThat(TestMail.text(mail)).contains("97.5", node);
        assertThat(TestMail.awaitMailsTo(second, 1)).hasSize(1);

        Delivery test = monitoring.testChannel(channel);
        assertThat(test.state()).isEqualTo(DeliveryState.SENT);
        assertThat(TestMail.awaitMailsTo(first, 2).get(1).getSubject()).contains("Kontor");
    }
}
