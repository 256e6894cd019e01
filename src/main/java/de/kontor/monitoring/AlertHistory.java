package de.kontor.monitoring;

import de.kontor.base.db.Rows;
import de.kontor.base.error.DomainException;
import de.kontor.monitoring.AlertModel.Alert;
import de.kontor.monitoring.AlertModel.AlertFilter;
import de.kontor.monitoring.AlertModel.AlertState;
import de.kontor.monitoring.AlertModel.Delivery;
import de.kontor.monitoring.AlertModel.DeliveryEvent;
import de.kontor.monitoring.AlertModel.DeliveryState;
import de.kontor.monitoring.AlertModel.Operator;
import de.kontor.monitoring.AlertModel.Severity;
import de.kontor.monitoring.AlertModel.Silence;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/** Alerts as a list and history (filtered, newest first), acknowledgements, silences and deliveries. */
@Component
class AlertHistory {

    static final int REASON_LENGTH = 200;

    record AlertRow(
            long id,
            long ruleId,
            String ruleName,
            long nodeId,
            String nodeName,
            String metric,
            String state,
            String severity,
            String operator,
            double threshold,
            @Nullable Double value,
            LocalDateTime startedAt,
            @Nullable LocalDateTime firedAt,
            @Nullable LocalDateTime resolvedAt,
            @Nullable LocalDateTime acknowledgedAt,
            @Nullable String acknowledgedBy,
            int notifications,
            boolean silenced) {

        Alert toAlert() {
            return new Alert(
                    id,
                    ruleId,
                    ruleName,
                    nodeId,
                    nodeName,
                    metric,
                    AlertState.valueOf(state),
                    Severity.valueOf(severity),
                    Operator.of(operator),
                    threshold,
                    value,
                    Times.instant(startedAt),
                    Times.instant(firedAt),
                    Times.instant(resolvedAt),
                    Times.instant(acknowledgedAt),
                    acknowledgedBy,
                    notifications,
                    silenced);
        }
    }

    private static final String SELECT = """
            select a.id, a.rule_id, r.name as rule_name, a.node_id, n.name as node_name, a.metric, a.state,
              a.severity, a.operator, a.threshold, a.value, a.started_at, a.fired_at, a.resolved_at,
              a.acknowledged_at, a.acknowledged_by, a.notifications,
              exists(select 1 from monitoring_silence s where s.node_id = a.node_id and s.starts_at <= :now
                and s.ends_at > :now) as silenced
            from monitoring_alert a join monitoring_alert_rule r on r.id = a.rule_id
              join monitoring_node n on n.id = a.node_id
            """;

    private final JdbcClient jdbc;

    AlertHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Slice<Alert> find(AlertFilter filter, Pageable page, Instant now) {
        List<String> states = filter.states().stream().map(Enum::name).toList();
        List<Alert> rows = jdbc
                .sql(SELECT + """
                        where (:allStates or a.state in (:states))
                          and (:node is null or a.node_id = :node) and (:rule is null or a.rule_id = :rule)
                          and (:from is null or a.started_at >= :from) and (:to is null or a.started_at < :to)
                        order by a.started_at desc, a.id desc limit :limit offset :offset""")
                .param("now", Times.utc(now))
                .param("allStates", states.isEmpty())
                .param("states", states.isEmpty() ? List.of("-") : states)
                .param("node", filter.nodeId())
                .param("rule", filter.ruleId())
                .param("from", filter.from() == null ? null : Times.utc(filter.from()))
                .param("to", filter.to() == null ? null : Times.utc(filter.to()))
                .param("limit", page.getPageSize() + 1)
                .param("offset", page.getOffset())
                .query(AlertRow.class)
                .list()
                .stream()
                .map(AlertRow::toAlert)
                .toList();
        return Rows.slice(rows, page);
    }

    Alert get(long id, Instant now) {
        return jdbc.sql(SELECT + " where a.id = :id")
                .param("now", Times.utc(now))
                .param("id", id)
                .query(AlertRow.class)
                .optional()
                .map(AlertRow::toAlert)
                .orElseThrow(() -> DomainException.notFound("ALERT_NOT_FOUND", "monitoring.alert.notFound", id));
    }

    /** Acknowledges a firing alert (no reminders from now on); an acknowledged one stays as it was. */
    Alert acknowledge(long id, String user, Instant now) {
        String state = jdbc.sql("select state from monitoring_alert where id = ? for update")
                .param(id)
                .query(String.class)
                .optional()
                .orElseThrow(() -> DomainException.notFound("ALERT_NOT_FOUND", "monitoring.alert.notFound", id));
        if (!AlertState.FIRING.name().equals(state)) {
            throw DomainException.conflict("ALERT_NOT_FIRING", "monitoring.alert.notFiring", id);
        }
        jdbc.sql("update monitoring_alert set acknowledged_at = coalesce(acknowledged_at, ?), "
                        + "acknowledged_by = coalesce(acknowledged_by, ?) where id = ?")
                .params(Times.utc(now), user, id)
                .update();
        return get(id, now);
    }

    Silence silence(long nodeId, Instant from, Instant until, @Nullable String rawReason, String user, Instant now) {
        if (!until.isAfter(from) || !until.isAfter(now)) {
            throw DomainException.invalidField("endsAt", "SILENCE_EMPTY", "monitoring.alert.silence.empty");
        }
        String reason = rawReason == null || rawReason.isBlank() ? null : rawReason.strip();
        if (reason != null && reason.length() > REASON_LENGTH) {
            throw DomainException.invalidField(
                    "reason", "REASON_TOO_LONG", "monitoring.alert.silence.reasonTooLong", REASON_LENGTH);
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into monitoring_silence (node_id, starts_at, ends_at, reason, created_by, created_at) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(nodeId, Times.utc(from), Times.utc(until), reason, user, Times.utc(now))
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        return silences(now).stream().filter(s -> s.id() == id).findFirst().orElseThrow();
    }

    /** Ends a silence now (a future one is removed). */
    Silence endSilence(long id, Instant now) {
        Silence silence = silences(now).stream()
                .filter(s -> s.id() == id)
                .findFirst()
                .orElseThrow(
                        () -> DomainException.notFound("SILENCE_NOT_FOUND", "monitoring.alert.silence.notFound", id));
        jdbc.sql("update monitoring_silence set ends_at = greatest(starts_at, ?) where id = ?")
                .params(Times.utc(now), id)
                .update();
        return silence;
    }

    record SilenceRow(
            long id,
            long nodeId,
            String nodeName,
            LocalDateTime startsAt,
            LocalDateTime endsAt,
            @Nullable String reason,
            String createdBy) {}

    /** Current and coming silences. */
    List<Silence> silences(Instant now) {
        return jdbc.sql("""
                        select s.id, s.node_id, n.name as node_name, s.starts_at, s.ends_at, s.reason, s.created_by
                        from monitoring_silence s join monitoring_node n on n.id = s.node_id
                        where s.ends_at > ? order by s.starts_at, s.id""").param(Times.utc(now)).query(SilenceRow.class).list().stream()
                .map(r -> new Silence(
                        r.id(),
                        r.nodeId(),
                        r.nodeName(),
                        Times.instant(r.startsAt()),
                        Times.instant(r.endsAt()),
                        r.reason(),
                        r.createdBy()))
                .toList();
    }

    record DeliveryRow(
            long id,
            long channelId,
            String channelName,
            @Nullable Long alertId,
            String event,
            String state,
            int attempts,
            @Nullable String error,
            LocalDateTime createdAt,
            @Nullable LocalDateTime sentAt,
            @Nullable LocalDateTime nextAttemptAt) {}

    /** Deliveries, newest first; of one channel or alert, or all. */
    Slice<Delivery> deliveries(@Nullable Long channelId, @Nullable Long alertId, Pageable page) {
        List<Delivery> rows = jdbc
                .sql("""
                        select d.id, d.channel_id, c.name as channel_name, d.alert_id, d.event, d.state, d.attempts,
                          d.error, d.created_at, d.sent_at, d.next_attempt_at
                        from monitoring_delivery d join monitoring_channel c on c.id = d.channel_id
                        where (:channel is null or d.channel_id = :channel) and (:alert is null or d.alert_id = :alert)
                        order by d.id desc limit :limit offset :offset""")
                .param("channel", channelId)
                .param("alert", alertId)
                .param("limit", page.getPageSize() + 1)
                .param("offset", page.getOffset())
                .query(DeliveryRow.class)
                .list()
                .stream()
                .map(r -> new Delivery(
                        r.id(),
                        r.channelId(),
                        r.channelName(),
                        r.alertId(),
                        DeliveryEvent.valueOf(r.event()),
                        DeliveryState.valueOf(r.state()),
                        r.attempts(),
                        r.error(),
                        Times.instant(r.createdAt()),
                        Times.instant(r.sentAt()),
                        Times.instant(r.nextAttemptAt())))
                .toList();
        return Rows.slice(rows, page);
    }
}
