package de.kontor.monitoring;

import de.kontor.base.CurrentUser;
import de.kontor.base.audit.AuditService;
import de.kontor.base.db.DatabaseLocks;
import de.kontor.base.mail.MailOutbox;
import de.kontor.monitoring.AlertModel.Alert;
import de.kontor.monitoring.AlertModel.AlertFilter;
import de.kontor.monitoring.AlertModel.Channel;
import de.kontor.monitoring.AlertModel.ChannelDefinition;
import de.kontor.monitoring.AlertModel.Delivery;
import de.kontor.monitoring.AlertModel.Evaluation;
import de.kontor.monitoring.AlertModel.Rule;
import de.kontor.monitoring.AlertModel.RuleDefinition;
import de.kontor.monitoring.AlertModel.Silence;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Alerting behind {@link MonitoringService}: rules, channels, alerts, silences and deliveries, each change
 * with its audit entry (the service's methods hold the transaction); the evaluation cycle and the delivery
 * of notifications, which run without a caller's transaction.
 */
@Component
class Alerting {

    static final String DEFAULT_RULES_LOCK = "kontor_monitoring_default_rules";
    private static final Duration DEFAULT_RULES_LOCK_WAIT = Duration.ofMinutes(1);

    private final AlertRules rules;
    private final Channels channels;
    private final AlertEvaluator evaluator;
    private final Notifier notifier;
    private final AlertHistory history;
    private final AuditService audit;
    private final MessageSource messages;
    private final MailOutbox mail;
    private final TransactionTemplate transaction;
    private final DatabaseLocks locks;
    private final Clock clock;

    Alerting(
            AlertRules rules,
            Channels channels,
            AlertEvaluator evaluator,
            Notifier notifier,
            AlertHistory history,
            AuditService audit,
            MessageSource messages,
            MailOutbox mail,
            TransactionTemplate transaction,
            DatabaseLocks locks,
            Clock clock) {
        this.rules = rules;
        this.channels = channels;
        this.evaluator = evaluator;
        this.notifier = notifier;
        this.history = history;
        this.audit = audit;
        this.messages = messages;
        this.mail = mail;
        this.transaction = transaction;
        this.locks = locks;
        this.clock = clock;
    }

    /**
     * Adds the shipped rules in a transaction of its own under a database lock: nodes starting at once would
     * otherwise deadlock on each other's {@code insert ignore} of the same rules (the loser's start-up would
     * log an error); this way the first adds them and the others find them there.
     */
    int installDefaultRules() {
        Integer added = locks.call(
                DEFAULT_RULES_LOCK, DEFAULT_RULES_LOCK_WAIT, () -> transaction.execute(status -> addDefaultRules()));
        return added == null ? 0 : added;
    }

    private int addDefaultRules() {
        Map<String, String> names = new HashMap<>();
        for (AlertRules.Builtin b : AlertRules.BUILTINS) {
            String key = "monitoring.alert.builtin." + b.key();
            names.put(b.key(), messages.getMessage(key, null, b.key(), mail.language()));
        }
        int added = rules.installDefaults(names, clock.instant());
        if (added > 0) {
            audit.record(
                    MonitoringService.MODULE, "AlertRule", "builtin", "CREATE", added + " shipped alert rules added");
        }
        return added;
    }

    List<Rule> rules() {
        return rules.active();
    }

    Rule rule(long id) {
        return rules.get(id);
    }

    Rule createRule(RuleDefinition definition) {
        Rule rule = rules.create(definition, clock.instant());
        audit.record(
                MonitoringService.MODULE, "AlertRule", rule.id(), "CREATE", "Alert rule " + describe(rule) + " added");
        return rule;
    }

    Rule updateRule(long id, RuleDefinition definition) {
        Rule rule = rules.update(id, definition);
        audit.record(MonitoringService.MODULE, "AlertRule", id, "UPDATE", "Alert rule " + describe(rule) + " changed");
        return rule;
    }

    void deleteRule(long id) {
        Rule rule = rules.archive(id, clock.instant());
        audit.record(MonitoringService.MODULE, "AlertRule", id, "ARCHIVE", "Alert rule " + rule.name() + " deleted");
    }

    private static String describe(Rule r) {
        return r.name() + " (" + r.metric() + " " + r.operator().symbol() + " " + WebhookFormats.number(r.threshold())
                + " for " + r.forSeconds() + " s, " + r.severity() + ")";
    }

    List<Channel> channels() {
        return channels.active();
    }

    Channel channel(long id) {
        return channels.get(id);
    }

    Channel createChannel(ChannelDefinition definition) {
        Channel channel = channels.create(definition, clock.instant());
        audit.record(
                MonitoringService.MODULE,
                "Channel",
                channel.id(),
                "CREATE",
                "Channel " + channel.name() + " (" + channel.type() + ") added");
        return channel;
    }

    Channel updateChannel(long id, ChannelDefinition definition) {
        Channel channel = channels.update(id, definition);
        audit.record(MonitoringService.MODULE, "Channel", id, "UPDATE", "Channel " + channel.name() + " changed");
        return channel;
    }

    void deleteChannel(long id) {
        Channel channel = channels.archive(id, clock.instant());
        audit.record(MonitoringService.MODULE, "Channel", id, "ARCHIVE", "Channel " + channel.name() + " deleted");
    }

    /** Sends a test notification now; the answer says whether it went out (or why not). */
    Delivery testChannel(long id) {
        channels.get(id);
        long delivery = notifier.test(id, clock.instant());
        return history.deliveries(id, null, PageRequest.of(0, 50)).stream()
                .filter(d -> d.id() == delivery)
                .findFirst()
                .orElseThrow();
    }

    Slice<Alert> alerts(AlertFilter filter, Pageable page) {
        return history.find(filter, page, clock.instant());
    }

    Alert alert(long id) {
        return history.get(id, clock.instant());
    }

    Alert acknowledge(long id) {
        String user = CurrentUser.username().orElse(AuditService.SYSTEM_USER);
        Alert alert = history.acknowledge(id, user, clock.instant());
        audit.record(
                MonitoringService.MODULE,
                "Alert",
                id,
                "ACKNOWLEDGE",
                "Alert " + alert.ruleName() + " on " + alert.nodeName() + " acknowledged");
        return alert;
    }

    Silence silence(long nodeId, @Nullable Instant from, Instant until, @Nullable String reason) {
        Instant now = clock.instant();
        String user = CurrentUser.username().orElse(AuditService.SYSTEM_USER);
        Silence silence = history.silence(nodeId, from == null ? now : from, until, reason, user, now);
        audit.record(
                MonitoringService.MODULE,
                "Silence",
                silence.id(),
                "CREATE",
                "Node " + silence.nodeName() + " silenced until " + silence.endsAt());
        return silence;
    }

    void endSilence(long id) {
        Silence silence = history.endSilence(id, clock.instant());
        audit.record(
                MonitoringService.MODULE, "Silence", id, "END", "Silence of node " + silence.nodeName() + " ended");
    }

    List<Silence> silences() {
        return history.silences(clock.instant());
    }

    Slice<Delivery> deliveries(@Nullable Long channelId, @Nullable Long alertId, Pageable page) {
        return history.deliveries(channelId, alertId, page);
    }

    /** One cycle: the rules in one transaction, then the notifications it queued (and retries due). */
    Evaluation evaluate() {
        Evaluation evaluation = transaction.execute(status -> evaluator.evaluate(clock.instant()));
        notifier.deliverDue(clock.instant());
        return evaluation;
    }
}
