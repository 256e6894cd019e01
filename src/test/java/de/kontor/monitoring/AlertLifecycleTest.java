package de.kontor.monitoring;

import de.kontor.IntegrationTest;
import de.kontor.agent.Protocol.AgentInfo;
import de.kontor.agent.Protocol.Report;
import de.kontor.agent.Sample;
import de.kontor.monitoring.AlertModel.Alert;
import de.kontor.monitoring.AlertModel.AlertFilter;
import de.kontor.monitoring.AlertModel.AlertState;
import de.kontor.monitoring.AlertModel.ChannelDefinition;
import de.kontor.monitoring.AlertModel.Delivery;
import de.kontor.monitoring.AlertModel.DeliveryEvent;
import de.kontor.monitoring.AlertModel.DeliveryState;
import de.kontor.monitoring.AlertModel.Rule;
import de.kontor.monitoring.AlertModel.RuleDefinition;
import de.kontor.monitoring.MonitoringModel.NewNode;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The life of an alert with the test clock: pending, firing after the rule's time, hysteresis before it
 * resolves, reminders until acknowledged, silences, wildcard metrics, unreachable nodes and retried webhooks.
 */
class AlertLifecycleTest extends IntegrationTest {

    @Autowired
    MonitoringService monitoring;

    private WebhookReceiver hook;
    private long channel;

    @BeforeEach
    void setUp() {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "alert-admin", null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        hook = new WebhookReceiver();
        channel = monitoring
                .createChannel(new ChannelDefinition("WEBHOOK", unique("hook"), hook.url("/hook"), "GENERIC", null))
                .id();
    }

    @AfterEach
    void tearDown() {
        hook.close();
        SecurityContextHolder.clearContext();
    }

    private long node() {
        return monitoring.addNode(new NewNode(unique("alerting"), List.of())).nodeId();
    }

    private void report(long node, Map<String, Double> values) {
        monitoring.report(
                node,
                new Report(
                        new AgentInfo("1.0", 1, "h", List.of()),
                        clock.millis(),
                        List.of(new Sample(clock.instant().getEpochSecond(), values)),
                        null),
                "127.0.0.1");
    }

    private Rule rule(long node, String metric, String operator, double threshold, int forSeconds) {
        return monitoring.createAlertRule(new RuleDefinition(
                unique("rule"),
                metric,
                operator,
                threshold,
                forSeconds,
                List.of(node),
                null,
                "CRITICAL",
                List.of(channel),
                true));
    }

    private List<Alert> alerts(long node, Rule rule) {
        return monitoring
                .alerts(new AlertFilter(Set.of(), node, rule.id(), null, null), PageRequest.of(0, 50))
                .getContent();
    }

    private Alert only(long node, Rule rule) {
        List<Alert> alerts = alerts(node, rule);
        assertThat(alerts).hasSize(1);
        return alerts.getFirst();
    }

    private List<Delivery> deliveries(long alert) {
        return monitoring.deliveries(null, alert, PageRequest.of(0, 50)).getContent();
    }

    private void step(long node, Duration later, Map<String, Double> values) {
        clock.advance(later);
        report(node, values);
        monitoring.evaluateAlerts();
    }

    @Test
    void anAlertIsPendingFiresAfterItsTimeAndResolvesOnlyOnceClearPastTheMarginForAWhile() {
        long node = node();
        Rule rule = rule(node, "cpu", ">", 80, 60);

        step(node, Duration.ZERO, Map.of("cpu", 90.0));
        Alert pending = only(node, rule);
        assertThat(pending.state()).isEqualTo(AlertState.PENDING);
        assertThat(hook.count()).isZero();

        step(node, Duration.ofSeconds(30), Map.of("cpu", 95.0));
        assertThat(only(node, rule).state()).isEqualTo(AlertState.PENDING);

        step(node, Duration.ofSeconds(31), Map.of("cpu", 91.0));
        Alert firing = only(node, rule);
        assertThat(firing.state()).isEqualTo(AlertState.FIRING);
        assertThat(firing.value()).isEqualTo(91.0);
        RecordedRequest fired = hook.next();
        assertThat(fired.getBody().utf8())
                .contains("\"event\":\"FIRING\"", "\"severity\":\"CRITICAL\"", "\"metric\":\"cpu\"", "\"value\":91.0");
        assertThat(deliveries(firing.id()))
                .extracting(Delivery::event, Delivery::state)
                .containsExactly(tuple(DeliveryEvent.FIRING, DeliveryState.SENT));

        // below the threshold but within the 5 % margin (76): still firing, however long
        step(node, Duration.ofSeconds(30), Map.of("cpu", 78.0));
        step(node, Duration.ofMinutes(2), Map.of("cpu", 77.0));
        assertThat(only(node, rule).state()).isEqualTo(AlertState.FIRING);

        // past the margin, but not yet for the resolve time; a relapse starts that time again
        step(node, Duration.ofSeconds(30), Map.of("cpu", 50.0));
        step(node, Duration.ofSeconds(40), Map.of("cpu", 79.0));
        step(node, Duration.ofSeconds(30), Map.of("cpu", 50.0));
        assertThat(only(node, rule).state()).isEqualTo(AlertState.FIRING);
        assertThat(hook.count()).isEqualTo(1);

        step(node, Duration.ofSeconds(61), Map.of("cpu", 40.0));
        Alert resolved = only(node, rule);
        assertThat(resolved.state()).isEqualTo(AlertState.RESOLVED);
        assertThat(resolved.resolvedAt()).isNotNull();
        assertThat(hook.next().getBody().utf8()).contains("\"event\":\"RESOLVED\"");

        // firing again is a new alert; the resolved one stays in the history
        step(node, Duration.ofSeconds(15), Map.of("cpu", 99.0));
        assertThat(alerts(node, rule))
                .extracting(Alert::state)
                .containsExactly(AlertState.PENDING, AlertState.RESOLVED);
    }

    @Test
    void aConditionThatClearsWhilePendingLeavesNothingBehind() {
        long node = node();
        Rule rule = rule(node, "memory", ">", 90, 300);
        step(node, Duration.ZERO, Map.of("memory", 95.0));
        assertThat(only(node, rule).state()).isEqualTo(AlertState.PENDING);

        step(node, Duration.ofSeconds(30), Map.of("memory", 60.0));
        assertThat(alerts(node, rule)).isEmpty();
        assertThat(hook.count()).isZero();
    }

    @Test
    void aFiringAlertIsNotifiedAgainUntilSomeoneAcknowledgesIt() {
        long node = node();
        Rule rule = rule(node, "cpu", ">=", 50, 0);
        step(node, Duration.ZERO, Map.of("cpu", 60.0));
        Alert firing = only(node, rule);
        assertThat(firing.state()).isEqualTo(AlertState.FIRING);
        hook.next();

        step(node, Duration.ofHours(1), Map.of("cpu", 60.0));
        assertThat(hook.count()).as("no reminder within 4 h").isEqualTo(1);
        step(node, Duration.ofHours(3), Map.of("cpu", 60.0));
        assertThat(hook.next().getBody().utf8()).contains("\"event\":\"REMINDER\"");

        Alert acknowledged = monitoring.acknowledgeAlert(firing.id());
        assertThat(acknowledged.acknowledgedBy()).isEqualTo("alert-admin");
        step(node, Duration.ofHours(5), Map.of("cpu", 60.0));
        assertThat(hook.count()).as("acknowledged: no more reminders").isEqualTo(2);
        assertThat(deliveries(firing.id()))
                .extracting(Delivery::event)
                .containsExactly(DeliveryEvent.REMINDER, DeliveryEvent.FIRING);
    }

    @Test
    void aSilencedNodeNotifiesNobodyUntilTheSilenceEnds() {
        long node = node();
        Rule rule = rule(node, "disk:*", ">", 90, 0);
        monitoring.silenceNode(node, null, clock.instant().plus(Duration.ofMinutes(30)), "disk swap");

        step(node, Duration.ZERO, Map.of("disk:/", 95.0, "disk:/var", 97.0, "disk:/home", 20.0));
        List<Alert> alerts = alerts(node, rule);
        assertThat(alerts).extracting(Alert::metric).containsExactlyInAnyOrder("disk:/", "disk:/var");
        assertThat(alerts).allMatch(a -> a.state() == AlertState.FIRING && a.silenced());
        assertThat(hook.count()).isZero();

        step(node, Duration.ofMinutes(31), Map.of("disk:/", 95.0, "disk:/var", 97.0));
        assertThat(hook.count())
                .as("once the silence is over, both are notified")
                .isEqualTo(2);
        assertThat(alerts(node, rule)).noneMatch(Alert::silenced);
    }

    @Test
    void aNodeThatStopsReportingFiresTheUnreachableRuleAndItsValuesNoLongerCount() {
        long node = node();
        Rule unreachable = rule(node, AlertRules.UNREACHABLE, ">=", 1, 0);
        Rule cpu = rule(node, "cpu", ">", 80, 0);
        step(node, Duration.ZERO, Map.of("cpu", 10.0));
        assertThat(alerts(node, unreachable)).isEmpty();

        clock.advance(Duration.ofMinutes(3));
        monitoring.evaluateAlerts();
        assertThat(only(node, unreachable).state()).isEqualTo(AlertState.FIRING);
        assertThat(alerts(node, cpu)).isEmpty();
        assertThat(hook.next().getBody().utf8()).contains("\"metric\":\"node.unreachable\"");

        step(node, Duration.ofSeconds(10), Map.of("cpu", 10.0));
        step(node, Duration.ofSeconds(61), Map.of("cpu", 10.0));
        assertThat(only(node, unreachable).state()).isEqualTo(AlertState.RESOLVED);
    }

    @Test
    void aFailedWebhookIsRetriedWithGrowingPausesAndItsStateIsVisible() {
        long node = node();
        Rule rule = rule(node, "load1", ">", 4, 0);
        hook.status.set(503);
        step(node, Duration.ZERO, Map.of("load1", 9.0));
        Alert firing = only(node, rule);
        assertThat(hook.count()).isEqualTo(1);
        Delivery first = deliveries(firing.id()).getFirst();
        assertThat(first.state()).isEqualTo(DeliveryState.RETRYING);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.error()).contains("503");

        step(node, Duration.ofSeconds(20), Map.of("load1", 9.0));
        assertThat(hook.count()).as("not before the pause of 30 s").isEqualTo(1);
        step(node, Duration.ofSeconds(15), Map.of("load1", 9.0));
        assertThat(hook.count()).isEqualTo(2);
        Delivery second = deliveries(firing.id()).getFirst();
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(Duration.between(clock.instant(), second.nextAttemptAt()))
                .as("the pause doubles")
                .isBetween(Duration.ofSeconds(55), Duration.ofSeconds(61));

        hook.status.set(200);
        step(node, Duration.ofSeconds(61), Map.of("load1", 9.0));
        Delivery sent = deliveries(firing.id()).getFirst();
        assertThat(sent.state()).isEqualTo(DeliveryState.SENT);
        assertThat(sent.attempts()).isEqualTo(3);
        assertThat(hook.count()).isEqualTo(3);
    }

    @Test
    void theShippedRulesAreThereOnce() {
        assertThat(monitoring.installDefaultAlertRules())
                .as("already installed at start")
                .isZero();
        assertThat(monitoring.alertRules())
                .extracting(Rule::builtin)
                .contains(
                        "cpu-high",
                        "memory-high",
                        "filesystem-full",
                        "node-unreachable",
                        "database-down",
                        "license-api-down",
                        "service-failed",
                        "container-exited",
                        "backup-failed",
                        "backup-overdue",
                        "license-anomalies");
    }
}
