package de.kontor.monitoring;

import de.kontor.base.KontorProperties;
import de.kontor.base.Texts;
import de.kontor.base.mail.MailOutbox;
import de.kontor.base.mail.OutgoingMail;
import de.kontor.monitoring.AlertModel.ChannelType;
import de.kontor.monitoring.AlertModel.DeliveryEvent;
import de.kontor.monitoring.AlertModel.DeliveryState;
import de.kontor.monitoring.AlertModel.Severity;
import de.kontor.monitoring.AlertModel.WebhookFormat;
import de.kontor.monitoring.Channels.Target;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Delivers queued notifications: e-mails go to the mail outbox (which sends and retries them), webhooks are
 * called here. A failed webhook is tried again after a pause that doubles each time, up to the configured
 * number of attempts; then it is FAILED. Each delivery is first claimed in one update, so two Kontor
 * instances never send the same one twice. Runs outside any transaction: no HTTP call holds database locks.
 */
@Component
class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    /** An instance that claimed a delivery and did not finish within this time has died. */
    static final Duration STUCK_AFTER = Duration.ofMinutes(5);

    private static final int BATCH = 200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss (VV)", Locale.ROOT);

    record DeliveryRow(long id, long channelId, @Nullable Long alertId, String event, String state, int attempts) {}

    record AlertFacts(
            long id,
            String ruleName,
            String nodeName,
            String metric,
            String severity,
            String operator,
            double threshold,
            @Nullable Double value,
            LocalDateTime startedAt,
            @Nullable LocalDateTime firedAt,
            @Nullable LocalDateTime resolvedAt) {}

    private final JdbcClient jdbc;
    private final Channels channels;
    private final MailOutbox mail;
    private final MessageSource messages;
    private final JsonMapper json;
    private final MonitoringProperties properties;
    private final KontorProperties kontor;
    private final OkHttpClient http;
    private final ZoneId zone;

    Notifier(
            JdbcClient jdbc,
            Channels channels,
            MailOutbox mail,
            MessageSource messages,
            JsonMapper json,
            MonitoringProperties properties,
            KontorProperties kontor,
            ZoneId zone) {
        this.zone = zone;
        this.jdbc = jdbc;
        this.channels = channels;
        this.mail = mail;
        this.messages = messages;
        this.json = json;
        this.properties = properties;
        this.kontor = kontor;
        Duration timeout = properties.alerts().webhookTimeout();
        this.http = new OkHttpClient.Builder()
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .callTimeout(timeout.multipliedBy(2))
                .followRedirects(false)
                .build();
    }

    /** Delivers what is due now; returns how many were sent. */
    int deliverDue(Instant now) {
        List<Long> due = jdbc.sql("select id from monitoring_delivery where state in ('PENDING', 'RETRYING') "
                        + "and next_attempt_at <= ? and (claimed_at is null or claimed_at < ?) order by id limit ?")
                .params(Times.utc(now), Times.utc(now.minus(STUCK_AFTER)), BATCH)
                .query(Long.class)
                .list();
        int sent = 0;
        for (long id : due) {
            if (deliver(id, now) == DeliveryState.SENT) {
                sent++;
            }
        }
        return sent;
    }

    /** Queues a test notification for the channel and delivers it at once; returns the delivery's id. */
    long test(long channelId, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into monitoring_delivery (channel_id, event, state, created_at, next_attempt_at) "
                        + "values (?, 'TEST', 'PENDING', ?, ?)")
                .params(channelId, Times.utc(now), Times.utc(now))
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        deliver(id, now);
        return id;
    }

    private DeliveryState deliver(long id, Instant now) {
        int claimed = jdbc.sql("update monitoring_delivery set claimed_at = ? where id = ? "
                        + "and state in ('PENDING', 'RETRYING') and (claimed_at is null or claimed_at < ?)")
                .params(Times.utc(now), id, Times.utc(now.minus(STUCK_AFTER)))
                .update();
        if (claimed == 0) {
            return DeliveryState.PENDING;
        }
        DeliveryRow delivery = jdbc.sql(
                        "select id, channel_id, alert_id, event, state, attempts from monitoring_delivery where id = ?")
                .param(id)
                .query(DeliveryRow.class)
                .single();
        Target target = channels.target(delivery.channelId()).orElseThrow();
        DeliveryEvent event = DeliveryEvent.valueOf(delivery.event());
        try {
            Notification notification =
                    notification(event, delivery.alertId(), target.channel().name());
            if (target.channel().type() == ChannelType.EMAIL) {
                for (String address : Channels.addresses(target.target())) {
                    mail.queue(new OutgoingMail(
                            MonitoringService.MODULE,
                            "ALERT",
                            address,
                            notification.title(),
                            notification.text() + (notification.link() == null ? "" : "\n\n" + notification.link())));
                }
            } else {
                WebhookFormat format = target.channel().format() == null
                        ? WebhookFormat.GENERIC
                        : target.channel().format();
                Request request = WebhookFormats.request(
                        format, target.target(), target.channel().template(), notification, json);
                try (Response response = http.newCall(request).execute()) {
                    if (!response.isSuccessful()) {
                        throw new IOException("HTTP " + response.code() + " " + response.message());
                    }
                }
            }
            jdbc.sql("update monitoring_delivery set state = 'SENT', sent_at = ?, attempts = attempts + 1, "
                            + "error = null, claimed_at = null where id = ?")
                    .params(Times.utc(now), id)
                    .update();
            return DeliveryState.SENT;
        } catch (IOException | RuntimeException e) {
            int attempts = delivery.attempts() + 1;
            boolean giveUp = event == DeliveryEvent.TEST
                    || attempts >= properties.alerts().deliveryAttempts();
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.warn(
                    "Notification {} ({}) to channel {} failed (attempt {}): {}",
                    id,
                    event,
                    target.channel().name(),
                    attempts,
                    error);
            Duration pause = properties.alerts().retryAfter().multipliedBy(1L << Math.min(attempts - 1, 10));
            jdbc.sql("update monitoring_delivery set state = ?, attempts = ?, error = ?, next_attempt_at = ?, "
                            + "claimed_at = null where id = ?")
                    .params(
                            giveUp ? DeliveryState.FAILED.name() : DeliveryState.RETRYING.name(),
                            attempts,
                            Texts.atMost(error, 500),
                            giveUp ? null : Times.utc(now.plus(pause)),
                            id)
                    .update();
            return giveUp ? DeliveryState.FAILED : DeliveryState.RETRYING;
        }
    }

    private Notification notification(DeliveryEvent event, @Nullable Long alertId, String channel) {
        Locale locale = mail.language();
        String link = kontor.baseUrl() == null || kontor.baseUrl().isBlank()
                ? null
                : kontor.baseUrl().replaceAll("/+$", "") + "/monitoring/alerts";
        if (alertId == null) {
            String title = text("monitoring.alert.notify.test.title", locale);
            return new Notification(
                    event,
                    null,
                    Severity.INFO,
                    "-",
                    "-",
                    "-",
                    "",
                    0,
                    null,
                    null,
                    null,
                    null,
                    title,
                    text("monitoring.alert.notify.test.text", locale, channel),
                    link);
        }
        AlertFacts a = jdbc.sql("""
                        select a.id, r.name as rule_name, n.name as node_name, a.metric, a.severity, a.operator,
                          a.threshold, a.value, a.started_at, a.fired_at, a.resolved_at
                        from monitoring_alert a join monitoring_alert_rule r on r.id = a.rule_id
                          join monitoring_node n on n.id = a.node_id
                        where a.id = ?""").param(alertId).query(AlertFacts.class).single();
        String value = a.value() == null ? "–" : WebhookFormats.number(a.value());
        String threshold = WebhookFormats.number(a.threshold());
        String title = text(
                "monitoring.alert.notify." + event.name().toLowerCase(Locale.ROOT) + ".title",
                locale,
                a.severity(),
                a.ruleName(),
                a.nodeName());
        String body = text(
                "monitoring.alert.notify.text",
                locale,
                a.ruleName(),
                a.nodeName(),
                a.metric(),
                value,
                a.operator(),
                threshold,
                a.severity(),
                time(a.firedAt() == null ? a.startedAt() : a.firedAt()),
                a.resolvedAt() == null ? "–" : time(a.resolvedAt()));
        return new Notification(
                event,
                a.id(),
                Severity.valueOf(a.severity()),
                a.ruleName(),
                a.nodeName(),
                a.metric(),
                a.operator(),
                a.threshold(),
                a.value(),
                Times.instant(a.startedAt()),
                Times.instant(a.firedAt()),
                Times.instant(a.resolvedAt()),
                title,
                body,
                link);
    }

    private String time(LocalDateTime utc) {
        return TIME.format(utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone));
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
