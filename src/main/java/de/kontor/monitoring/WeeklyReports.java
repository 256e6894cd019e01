package de.kontor.monitoring;

import de.kontor.base.mail.MailOutbox;
import de.kontor.base.mail.OutgoingMail;
import de.kontor.monitoring.ReportModel.MetricStats;
import de.kontor.monitoring.ReportModel.NodeStats;
import de.kontor.monitoring.ReportModel.WeeklyReportRun;
import de.kontor.security.Role;
import de.kontor.security.UserAccount;
import de.kontor.security.UserService;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The weekly report by e-mail: admins opt in for themselves; each Monday the previous week (Monday to
 * Monday in Kontor's time zone) goes to every opted-in admin with an e-mail address, as plain text with
 * avg / p95 / max per node and metric, through the outbox. Each subscription remembers the week it was
 * last sent, so a repeated, late or concurrent run sends each week once.
 */
@Component
class WeeklyReports {

    private final JdbcClient jdbc;
    private final Nodes nodes;
    private final Reports reports;
    private final UserService users;
    private final MailOutbox outbox;
    private final MessageSource messages;
    private final ZoneId zone;

    WeeklyReports(
            JdbcClient jdbc,
            Nodes nodes,
            Reports reports,
            UserService users,
            MailOutbox outbox,
            MessageSource messages,
            ZoneId zone) {
        this.jdbc = jdbc;
        this.nodes = nodes;
        this.reports = reports;
        this.users = users;
        this.outbox = outbox;
        this.messages = messages;
        this.zone = zone;
    }

    boolean subscribed(String username) {
        return jdbc.sql("select count(*) from monitoring_report_subscription where username = ?")
                        .param(username)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Returns whether anything changed. */
    boolean subscribe(String username, boolean on, Instant now) {
        if (on) {
            return jdbc.sql("insert ignore into monitoring_report_subscription (username, created_at) values (?, ?)")
                            .params(username, Times.utc(now))
                            .update()
                    > 0;
        }
        return jdbc.sql("delete from monitoring_report_subscription where username = ?")
                        .param(username)
                        .update()
                > 0;
    }

    /** Where the user's weekly report would go: an enabled admin's e-mail address. */
    Optional<String> address(String username) {
        return users.findByUsername(username)
                .filter(UserAccount::isEnabled)
                .filter(u -> u.hasRole(Role.ADMIN))
                .map(UserAccount::getEmail)
                .filter(e -> !e.isBlank());
    }

    record Subscription(String username, @Nullable LocalDate lastWeek) {}

    WeeklyReportRun send(Instant now) {
        LocalDate end = LocalDate.ofInstant(now, zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate start = end.minusWeeks(1);
        Instant from = start.atStartOfDay(zone).toInstant();
        Instant to = end.atStartOfDay(zone).toInstant();
        List<Subscription> due = jdbc.sql("select username, last_week from monitoring_report_subscription "
                        + "where last_week is null or last_week < ? order by username for update")
                .param(start)
                .query(Subscription.class)
                .list();
        int sent = 0;
        int skipped = 0;
        String subject = null;
        String body = null;
        for (Subscription s : due) {
            Optional<String> address = address(s.username());
            if (address.isEmpty()) {
                skipped++;
                continue;
            }
            if (body == null) {
                Locale locale = outbox.language();
                subject = text(
                        locale, "monitoring.report.mail.subject", day(start, locale), day(end.minusDays(1), locale));
                body = body(locale, start, end.minusDays(1), reports.stats(nodes.active(), from, to, now));
            }
            outbox.queue(new OutgoingMail(MonitoringService.MODULE, "WEEKLY_REPORT", address.get(), subject, body));
            jdbc.sql("update monitoring_report_subscription set last_week = ? where username = ?")
                    .params(start, s.username())
                    .update();
            sent++;
        }
        return new WeeklyReportRun(sent, skipped, from, to);
    }

    private String body(Locale locale, LocalDate start, LocalDate end, List<NodeStats> stats) {
        StringBuilder text = new StringBuilder();
        text.append(text(locale, "monitoring.report.mail.intro", day(start, locale), day(end, locale), zone.getId()))
                .append("\n\n");
        if (stats.isEmpty()) {
            text.append(text(locale, "monitoring.report.mail.noNodes")).append("\n");
        }
        for (NodeStats node : stats) {
            text.append(node.name()).append('\n');
            for (MetricStats m : node.metrics()) {
                text.append("  ")
                        .append(text(
                                locale,
                                "monitoring.report.mail.line",
                                text(locale, "monitoring.report.metric." + m.metric()),
                                ReportModel.format(m.metric(), m.avg(), locale),
                                ReportModel.format(m.metric(), m.p95(), locale),
                                ReportModel.format(m.metric(), m.max(), locale)))
                        .append('\n');
            }
            text.append('\n');
        }
        text.append(text(locale, "monitoring.report.mail.footer"));
        return text.toString();
    }

    private String day(LocalDate date, Locale locale) {
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
