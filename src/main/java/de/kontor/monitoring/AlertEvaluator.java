package de.kontor.monitoring;

import de.kontor.monitoring.AlertModel.AlertState;
import de.kontor.monitoring.AlertModel.DeliveryEvent;
import de.kontor.monitoring.AlertModel.Evaluation;
import de.kontor.monitoring.AlertModel.Rule;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One evaluation cycle: every enabled rule against the newest values of every node in its scope. A condition
 * that holds opens a PENDING alert, which fires once it has held for the rule's time; a PENDING alert whose
 * condition clears is dropped. A firing alert resolves only when its value has been back past the threshold
 * by the configured margin for the configured time (hysteresis). Notifications (firing, reminders while
 * nobody acknowledged, resolved) are queued as deliveries to the rule's channels, unless the node is in a
 * silence. Values of nodes that do not report are stale: only the unreachable rule judges those.
 */
@Component
class AlertEvaluator {

    /** A node as the evaluator sees it, mapped by column name. */
    record NodeState(
            long id,
            @Nullable LocalDateTime lastSeenAt,
            @Nullable String latestValues,
            @Nullable Integer failedUnits,
            @Nullable Integer exitedContainers) {}

    record OpenAlert(
            long id,
            long ruleId,
            long nodeId,
            String metric,
            String state,
            @Nullable Double value,
            LocalDateTime startedAt,
            @Nullable LocalDateTime clearSince,
            @Nullable LocalDateTime acknowledgedAt,
            @Nullable LocalDateTime lastNotifiedAt,
            int notifications) {

        String key() {
            return ruleId + ":" + nodeId + ":" + metric;
        }
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final MonitoringProperties properties;
    private final AlertRules rules;

    AlertEvaluator(JdbcClient jdbc, JsonMapper json, MonitoringProperties properties, AlertRules rules) {
        this.jdbc = jdbc;
        this.json = json;
        this.properties = properties;
        this.rules = rules;
    }

    Evaluation evaluate(Instant now) {
        AlertSettings settings = properties.alerts();
        List<Rule> active = rules.active().stream().filter(Rule::enabled).toList();
        List<NodeState> nodes = jdbc.sql("""
                        select id, last_seen_at, latest_values,
                          json_length(inventory, '$.failedUnits') as failed_units,
                          coalesce(json_length(json_search(inventory, 'all', 'exited', null, '$.containers[*].state')),
                            if(json_exists(inventory, '$.containers[0]'), 0, null)) as exited_containers
                        from monitoring_node where archived_at is null""").query(NodeState.class).list();
        Map<Long, Set<String>> tags = new HashMap<>();
        record TagRow(long nodeId, String tag) {}
        jdbc.sql("select t.node_id, t.tag from monitoring_node_tag t join monitoring_node n on n.id = t.node_id "
                        + "where n.archived_at is null")
                .query(TagRow.class)
                .list()
                .forEach(t ->
                        tags.computeIfAbsent(t.nodeId(), k -> new HashSet<>()).add(t.tag()));
        Set<Long> silenced = new HashSet<>(
                jdbc.sql("select distinct node_id from monitoring_silence where starts_at <= ? and ends_at > ?")
                        .params(Times.utc(now), Times.utc(now))
                        .query(Long.class)
                        .list());
        Map<String, OpenAlert> open = new HashMap<>();
        jdbc.sql("select id, rule_id, node_id, metric, state, value, started_at, clear_since, acknowledged_at, "
                        + "last_notified_at, notifications from monitoring_alert where state <> 'RESOLVED'")
                .query(OpenAlert.class)
                .list()
                .forEach(a -> open.put(a.key(), a));

        Map<String, List<OpenAlert>> openByRuleAndNode = new HashMap<>();
        open.values()
                .forEach(a -> openByRuleAndNode
                        .computeIfAbsent(a.ruleId() + ":" + a.nodeId(), k -> new ArrayList<>())
                        .add(a));
        Map<Long, JsonNode> values = new HashMap<>();
        Cycle cycle = new Cycle(now, settings, silenced);
        Set<String> inScope = new HashSet<>();
        for (Rule rule : active) {
            for (NodeState node : nodes) {
                if (!inScope(rule, node.id(), tags)) {
                    continue;
                }
                Map<String, Double> observed = observe(rule, node, now, values);
                for (var e : observed.entrySet()) {
                    String key = rule.id() + ":" + node.id() + ":" + e.getKey();
                    inScope.add(key);
                    cycle.observations++;
                    cycle.judge(rule, node.id(), e.getKey(), e.getValue(), open.get(key));
                }
                // alerts of this rule and node whose metric was not reported this time keep their state
                for (OpenAlert alert : openByRuleAndNode.getOrDefault(rule.id() + ":" + node.id(), List.of())) {
                    inScope.add(alert.key());
                }
            }
        }
        // rules deleted or disabled, nodes archived or no longer in scope: their alerts end quietly
        for (OpenAlert alert : open.values()) {
            if (!inScope.contains(alert.key())) {
                cycle.endQuietly(alert);
            }
        }
        return new Evaluation(cycle.observations, cycle.pending, cycle.fired, cycle.resolved, cycle.notifications);
    }

    private static boolean inScope(Rule rule, long nodeId, Map<Long, Set<String>> tags) {
        if (!rule.nodeIds().isEmpty()) {
            return rule.nodeIds().contains(nodeId);
        }
        return rule.tag() == null || tags.getOrDefault(nodeId, Set.of()).contains(rule.tag());
    }

    /** The values the rule judges on this node: none, one, or one per device for a wildcard. */
    private Map<String, Double> observe(Rule rule, NodeState node, Instant now, Map<Long, JsonNode> parsed) {
        String metric = rule.metric();
        if (node.lastSeenAt() == null) {
            return Map.of();
        }
        boolean unreachable =
                Duration.between(Times.instant(node.lastSeenAt()), now).compareTo(properties.unreachableAfter()) > 0;
        if (metric.equals(AlertRules.UNREACHABLE)) {
            return Map.of(metric, unreachable ? 1.0 : 0.0);
        }
        if (unreachable) {
            return Map.of();
        }
        if (metric.equals(AlertRules.FAILED_SERVICES)) {
            return node.failedUnits() == null ? Map.of() : Map.of(metric, (double) node.failedUnits());
        }
        if (metric.equals(AlertRules.EXITED_CONTAINERS)) {
            return node.exitedContainers() == null ? Map.of() : Map.of(metric, (double) node.exitedContainers());
        }
        if (node.latestValues() == null) {
            return Map.of();
        }
        String latest = node.latestValues();
        JsonNode values =
                parsed.computeIfAbsent(node.id(), id -> json.readTree(latest).path("values"));
        Map<String, Double> observed = new HashMap<>();
        if (metric.endsWith(":*")) {
            values.properties().forEach(e -> {
                if (AlertRules.matches(metric, e.getKey()) && e.getValue().isNumber()) {
                    observed.put(e.getKey(), e.getValue().asDouble());
                }
            });
        } else if (values.path(metric).isNumber()) {
            observed.put(metric, values.path(metric).asDouble());
        }
        return observed;
    }

    /** The state changes of one cycle, written as they are decided. */
    private final class Cycle {
        final Instant now;
        final LocalDateTime at;
        final AlertSettings settings;
        final Set<Long> silenced;
        int observations;
        int pending;
        int fired;
        int resolved;
        int notifications;

        Cycle(Instant now, AlertSettings settings, Set<Long> silenced) {
            this.now = now;
            this.at = Times.utc(now);
            this.settings = settings;
            this.silenced = silenced;
        }

        void judge(Rule rule, long nodeId, String metric, double value, @Nullable OpenAlert alert) {
            boolean holds = rule.operator().holds(value, rule.threshold());
            if (alert == null) {
                if (holds) {
                    open(rule, nodeId, metric, value);
                }
                return;
            }
            if (AlertState.valueOf(alert.state()) == AlertState.PENDING) {
                if (!holds) {
                    jdbc.sql("delete from monitoring_alert where id = ? and state = 'PENDING'")
                            .param(alert.id())
                            .update();
                } else if (held(alert.startedAt(), rule.forSeconds())) {
                    fire(rule, nodeId, alert.id(), value);
                } else {
                    setValue(alert.id(), value, null);
                }
                return;
            }
            double margin = Math.abs(rule.threshold()) * settings.resolveMargin();
            if (!rule.operator().clear(value, rule.threshold(), margin)) {
                // still firing, or within the margin: not clear yet
                setValue(alert.id(), value, null);
                remind(rule, nodeId, alert);
                return;
            }
            LocalDateTime clearSince = alert.clearSince() == null ? at : alert.clearSince();
            if (Duration.between(Times.instant(clearSince), now).compareTo(settings.resolveAfter()) >= 0) {
                resolve(rule, nodeId, alert, value);
            } else {
                setValue(alert.id(), value, clearSince);
            }
        }

        private boolean held(LocalDateTime since, int forSeconds) {
            return Duration.between(Times.instant(since), now).getSeconds() >= forSeconds;
        }

        private void open(Rule rule, long nodeId, String metric, double value) {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            try {
                jdbc.sql(
                                "insert into monitoring_alert (rule_id, node_id, metric, state, severity, threshold, operator, "
                                        + "value, started_at) values (?, ?, ?, 'PENDING', ?, ?, ?, ?, ?)")
                        .params(
                                rule.id(),
                                nodeId,
                                metric,
                                rule.severity().name(),
                                rule.threshold(),
                                rule.operator().symbol(),
                                value,
                                at)
                        .update(key, "id");
            } catch (DuplicateKeyException e) {
                return; // another instance opened it in the meantime
            }
            pending++;
            if (rule.forSeconds() == 0) {
                fire(rule, nodeId, key.getKeyAs(Number.class).longValue(), value);
            }
        }

        private void fire(Rule rule, long nodeId, long alertId, double value) {
            jdbc.sql("update monitoring_alert set state = 'FIRING', fired_at = ?, value = ?, clear_since = null "
                            + "where id = ?")
                    .params(at, value, alertId)
                    .update();
            fired++;
            if (!silenced.contains(nodeId)) {
                notify(rule, alertId, DeliveryEvent.FIRING);
            }
        }

        /** Again while firing and unacknowledged; or the first time once a silence has ended. */
        private void remind(Rule rule, long nodeId, OpenAlert alert) {
            if (alert.acknowledgedAt() != null || silenced.contains(nodeId)) {
                return;
            }
            if (alert.lastNotifiedAt() == null) {
                notify(rule, alert.id(), DeliveryEvent.FIRING);
                return;
            }
            Duration every = settings.renotifyAfter();
            if (!every.isZero()
                    && Duration.between(Times.instant(alert.lastNotifiedAt()), now)
                                    .compareTo(every)
                            >= 0) {
                notify(rule, alert.id(), DeliveryEvent.REMINDER);
            }
        }

        private void resolve(Rule rule, long nodeId, OpenAlert alert, @Nullable Double value) {
            jdbc.sql("update monitoring_alert set state = 'RESOLVED', resolved_at = ?, value = coalesce(?, value) "
                            + "where id = ?")
                    .params(at, value, alert.id())
                    .update();
            resolved++;
            if (alert.notifications() > 0 && !silenced.contains(nodeId)) {
                notify(rule, alert.id(), DeliveryEvent.RESOLVED);
            }
        }

        void endQuietly(OpenAlert alert) {
            if (AlertState.valueOf(alert.state()) == AlertState.PENDING) {
                jdbc.sql("delete from monitoring_alert where id = ?")
                        .param(alert.id())
                        .update();
            } else {
                jdbc.sql("update monitoring_alert set state = 'RESOLVED', resolved_at = ? where id = ?")
                        .params(at, alert.id())
                        .update();
                resolved++;
            }
        }

        private void setValue(long alertId, double value, @Nullable LocalDateTime clearSince) {
            jdbc.sql("update monitoring_alert set value = ?, clear_since = ? where id = ?")
                    .params(value, clearSince, alertId)
                    .update();
        }

        private void notify(Rule rule, long alertId, DeliveryEvent event) {
            for (long channel : rule.channelIds()) {
                jdbc.sql("insert into monitoring_delivery (channel_id, alert_id, event, state, created_at, "
                                + "next_attempt_at) values (?, ?, ?, 'PENDING', ?, ?)")
                        .params(channel, alertId, event.name(), at, at)
                        .update();
                notifications++;
            }
            if (event != DeliveryEvent.RESOLVED) {
                jdbc.sql("update monitoring_alert set last_notified_at = ?, notifications = notifications + 1 "
                                + "where id = ?")
                        .params(at, alertId)
                        .update();
            }
        }
    }
}
