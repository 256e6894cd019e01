package de.kontor.monitoring;

import de.kontor.base.error.DomainException;
import de.kontor.monitoring.AlertModel.Operator;
import de.kontor.monitoring.AlertModel.Rule;
import de.kontor.monitoring.AlertModel.RuleDefinition;
import de.kontor.monitoring.AlertModel.Severity;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Alert rules: checked definitions, stored with their scope (nodes or a tag) and channels; deleting
 * archives a rule (its alerts stay in the history). The shipped rules are inserted once each.
 */
@Component
class AlertRules {

    static final int NAME_LENGTH = 100;
    static final int METRIC_LENGTH = 200;
    static final int MAX_FOR_SECONDS = 7 * 24 * 3600;

    /** States of a node rather than metrics it reports. */
    static final String UNREACHABLE = "node.unreachable";

    static final String FAILED_SERVICES = "services.failed";
    static final String EXITED_CONTAINERS = "containers.exited";

    /** A shipped rule: its key, name key and definition. */
    record Builtin(String key, String metric, Operator operator, double threshold, int forSeconds, Severity severity) {}

    static final List<Builtin> BUILTINS = List.of(
            new Builtin("cpu-high", "cpu", Operator.GT, 80, 300, Severity.WARNING),
            new Builtin("memory-high", "memory", Operator.GT, 90, 300, Severity.WARNING),
            new Builtin("filesystem-full", "disk:*", Operator.GT, 90, 300, Severity.CRITICAL),
            new Builtin("node-unreachable", UNREACHABLE, Operator.GE, 1, 0, Severity.CRITICAL),
            new Builtin("database-down", KontorChecks.DATABASE, Operator.LT, 0.5, 60, Severity.CRITICAL),
            new Builtin("license-api-down", KontorChecks.LICENSE_API, Operator.LT, 0.5, 120, Severity.CRITICAL),
            new Builtin("service-failed", FAILED_SERVICES, Operator.GT, 0, 0, Severity.WARNING),
            new Builtin("container-exited", EXITED_CONTAINERS, Operator.GT, 0, 0, Severity.WARNING),
            new Builtin("backup-failed", KontorChecks.BACKUP_FAILED, Operator.GE, 1, 0, Severity.CRITICAL),
            new Builtin("backup-overdue", KontorChecks.BACKUP_OVERDUE, Operator.GE, 1, 0, Severity.WARNING),
            new Builtin("license-anomalies", KontorChecks.LICENSE_ANOMALIES, Operator.GT, 0, 0, Severity.WARNING));

    record RuleRow(
            long id,
            String name,
            String metric,
            String operator,
            double threshold,
            int forSeconds,
            @Nullable String tag,
            String severity,
            boolean enabled,
            @Nullable String builtin) {}

    private static final String COLUMNS =
            "id, name, metric, operator, threshold, for_seconds, tag, severity, enabled, builtin";

    private final JdbcClient jdbc;

    AlertRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts each shipped rule unless it was ever inserted (also when an admin deleted it since). */
    int installDefaults(Map<String, String> names, Instant now) {
        int added = 0;
        for (Builtin b : BUILTINS) {
            added += jdbc.sql(
                            "insert ignore into monitoring_alert_rule (name, metric, operator, threshold, "
                                    + "for_seconds, severity, enabled, builtin, created_at) values (?, ?, ?, ?, ?, ?, true, ?, ?)")
                    .params(
                            names.getOrDefault(b.key(), b.key()),
                            b.metric(),
                            b.operator().symbol(),
                            b.threshold(),
                            b.forSeconds(),
                            b.severity().name(),
                            b.key(),
                            Times.utc(now))
                    .update();
        }
        return added;
    }

    Rule create(RuleDefinition definition, Instant now) {
        Checked c = check(definition);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into monitoring_alert_rule (name, metric, operator, threshold, for_seconds, tag, severity, "
                        + "enabled, created_at) values (:name, :metric, :operator, :threshold, :forSeconds, :tag, "
                        + ":severity, :enabled, :createdAt)")
                .params(columns(c))
                .param("createdAt", Times.utc(now))
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        links(id, c);
        return get(id);
    }

    Rule update(long id, RuleDefinition definition) {
        lock(id);
        Checked c = check(definition);
        jdbc.sql("update monitoring_alert_rule set name = :name, metric = :metric, operator = :operator, "
                        + "threshold = :threshold, for_seconds = :forSeconds, tag = :tag, severity = :severity, "
                        + "enabled = :enabled, version = version + 1 where id = :id")
                .params(columns(c))
                .param("id", id)
                .update();
        jdbc.sql("delete from monitoring_alert_rule_node where rule_id = ?")
                .param(id)
                .update();
        jdbc.sql("delete from monitoring_alert_rule_channel where rule_id = ?")
                .param(id)
                .update();
        links(id, c);
        return get(id);
    }

    /** The rule's columns as named parameters, shared by insert and update. */
    private static Map<String, @Nullable Object> columns(Checked c) {
        Map<String, @Nullable Object> columns = new HashMap<>();
        columns.put("name", c.name);
        columns.put("metric", c.metric);
        columns.put("operator", c.operator.symbol());
        columns.put("threshold", c.threshold);
        columns.put("forSeconds", c.forSeconds);
        columns.put("tag", c.tag);
        columns.put("severity", c.severity.name());
        columns.put("enabled", c.enabled);
        return columns;
    }

    Rule archive(long id, Instant now) {
        Rule rule = toRule(lock(id));
        jdbc.sql("update monitoring_alert_rule set archived_at = ?, version = version + 1 where id = ?")
                .params(Times.utc(now), id)
                .update();
        return rule;
    }

    private void links(long id, Checked c) {
        for (long node : c.nodeIds) {
            jdbc.sql("insert into monitoring_alert_rule_node (rule_id, node_id) values (?, ?)")
                    .params(id, node)
                    .update();
        }
        for (long channel : c.channelIds) {
            jdbc.sql("insert into monitoring_alert_rule_channel (rule_id, channel_id) values (?, ?)")
                    .params(id, channel)
                    .update();
        }
    }

    private RuleRow lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from monitoring_alert_rule where id = ? and archived_at is null "
                        + "for update")
                .param(id)
                .query(RuleRow.class)
                .optional()
                .orElseThrow(() -> notFound(id));
    }

    static DomainException notFound(long id) {
        return DomainException.notFound("RULE_NOT_FOUND", "monitoring.alert.rule.notFound", id);
    }

    Rule get(long id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    Optional<Rule> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from monitoring_alert_rule where id = ? and archived_at is null")
                .param(id)
                .query(RuleRow.class)
                .optional()
                .map(this::toRule);
    }

    /** Every rule that is not deleted, by name. */
    List<Rule> active() {
        List<RuleRow> rows = jdbc.sql(
                        "select " + COLUMNS + " from monitoring_alert_rule where archived_at is null order by name, id")
                .query(RuleRow.class)
                .list();
        Map<Long, List<Long>> nodes = links("select rule_id, node_id as target from monitoring_alert_rule_node");
        Map<Long, List<Long>> channels =
                links("select rule_id, channel_id as target from monitoring_alert_rule_channel");
        List<Rule> rules = new ArrayList<>(rows.size());
        for (RuleRow r : rows) {
            rules.add(toRule(r, nodes.getOrDefault(r.id(), List.of()), channels.getOrDefault(r.id(), List.of())));
        }
        return rules;
    }

    private Map<Long, List<Long>> links(String sql) {
        record Link(long ruleId, long target) {}
        Map<Long, List<Long>> links = new HashMap<>();
        jdbc.sql(sql + " order by rule_id, target")
                .query(Link.class)
                .list()
                .forEach(l -> links.computeIfAbsent(l.ruleId(), k -> new ArrayList<>())
                        .add(l.target()));
        return links;
    }

    private Rule toRule(RuleRow r) {
        List<Long> nodes = jdbc.sql("select node_id from monitoring_alert_rule_node where rule_id = ? order by node_id")
                .param(r.id())
                .query(Long.class)
                .list();
        List<Long> channels = jdbc.sql(
                        "select channel_id from monitoring_alert_rule_channel where rule_id = ? order by channel_id")
                .param(r.id())
                .query(Long.class)
                .list();
        return toRule(r, nodes, channels);
    }

    private static Rule toRule(RuleRow r, List<Long> nodes, List<Long> channels) {
        return new Rule(
                r.id(),
                r.name(),
                r.metric(),
                Operator.of(r.operator()),
                r.threshold(),
                r.forSeconds(),
                nodes,
                r.tag(),
                Severity.valueOf(r.severity()),
                channels,
                r.enabled(),
                r.builtin());
    }

    /** A definition that passed every check. */
    private record Checked(
            String name,
            String metric,
            Operator operator,
            double threshold,
            int forSeconds,
            List<Long> nodeIds,
            @Nullable String tag,
            Severity severity,
            List<Long> channelIds,
            boolean enabled) {}

    private Checked check(RuleDefinition d) {
        String name = d.name() == null ? "" : d.name().strip();
        if (name.isEmpty()) {
            throw DomainException.invalidField("name", "NAME_REQUIRED", "monitoring.alert.rule.nameRequired");
        }
        if (name.length() > NAME_LENGTH) {
            throw DomainException.invalidField(
                    "name", "NAME_TOO_LONG", "monitoring.alert.rule.nameTooLong", NAME_LENGTH);
        }
        String metric = d.metric() == null ? "" : d.metric().strip();
        if (!validMetric(metric)) {
            throw DomainException.invalidField("metric", "METRIC_INVALID", "monitoring.alert.rule.metricInvalid");
        }
        Operator operator = Operator.of(d.operator());
        if (operator == null) {
            throw DomainException.invalidField(
                    "operator",
                    "OPERATOR_INVALID",
                    "monitoring.alert.rule.operatorInvalid",
                    String.valueOf(d.operator()));
        }
        if (d.threshold() == null || !Double.isFinite(d.threshold())) {
            throw DomainException.invalidField(
                    "threshold", "THRESHOLD_REQUIRED", "monitoring.alert.rule.thresholdRequired");
        }
        int forSeconds = d.forSeconds() == null ? 0 : d.forSeconds();
        if (forSeconds < 0 || forSeconds > MAX_FOR_SECONDS) {
            throw DomainException.invalidField(
                    "forSeconds", "FOR_SECONDS_INVALID", "monitoring.alert.rule.forSecondsInvalid", MAX_FOR_SECONDS);
        }
        Severity severity;
        try {
            severity = d.severity() == null
                    ? Severity.WARNING
                    : Severity.valueOf(d.severity().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidField(
                    "severity", "SEVERITY_INVALID", "monitoring.alert.rule.severityInvalid", d.severity());
        }
        List<Long> nodeIds = d.nodeIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(d.nodeIds()));
        String tag =
                d.tag() == null || d.tag().isBlank() ? null : d.tag().strip().toLowerCase(Locale.ROOT);
        if (tag != null && !nodeIds.isEmpty()) {
            throw DomainException.invalidField("tag", "SCOPE_AMBIGUOUS", "monitoring.alert.rule.scopeAmbiguous");
        }
        if (tag != null && (tag.length() > Nodes.TAG_LENGTH || !tag.matches("[\\p{L}\\p{N}._:/-]+"))) {
            throw DomainException.invalidField("tag", "TAG_INVALID", "monitoring.node.tagInvalid", tag);
        }
        for (long node : nodeIds) {
            boolean exists = jdbc.sql("select count(*) from monitoring_node where id = ? and archived_at is null")
                            .param(node)
                            .query(Long.class)
                            .single()
                    > 0;
            if (!exists) {
                throw DomainException.invalidField("nodeIds", "NODE_NOT_FOUND", "monitoring.node.notFound", node);
            }
        }
        List<Long> channelIds = d.channelIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(d.channelIds()));
        for (long channel : channelIds) {
            boolean exists = jdbc.sql("select count(*) from monitoring_channel where id = ? and archived_at is null")
                            .param(channel)
                            .query(Long.class)
                            .single()
                    > 0;
            if (!exists) {
                throw DomainException.invalidField(
                        "channelIds", "CHANNEL_NOT_FOUND", "monitoring.channel.notFound", channel);
            }
        }
        return new Checked(
                name,
                metric,
                operator,
                d.threshold(),
                forSeconds,
                nodeIds,
                tag,
                severity,
                channelIds,
                d.enabled() == null || d.enabled());
    }

    /** A metric name, a family with a wildcard ({@code disk:*}) or one of the node states. */
    static boolean validMetric(String metric) {
        return !metric.isEmpty()
                && metric.length() <= METRIC_LENGTH
                && metric.chars().noneMatch(ch -> Character.isISOControl(ch) || Character.isWhitespace(ch))
                && (metric.indexOf('*') < 0 || (metric.endsWith(":*") && metric.indexOf('*') == metric.length() - 1));
    }

    /** Whether a concrete metric name is one the rule's metric means. */
    static boolean matches(String ruleMetric, String metric) {
        return ruleMetric.endsWith(":*")
                ? metric.startsWith(ruleMetric.substring(0, ruleMetric.length() - 1))
                        && metric.length() > ruleMetric.length() - 1
                : ruleMetric.equals(metric);
    }
}
