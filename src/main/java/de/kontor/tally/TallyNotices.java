package de.kontor.tally;

import de.kontor.base.db.Inserts;
import de.kontor.base.error.DomainException;
import de.kontor.tally.TallyModel.BookedEvent;
import de.kontor.tally.TallyModel.UnknownTokenEvent;
import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * E-mail notices of the tally module, after a booking has committed and on a thread of their own, so
 * they never slow down or fail a booking. Every notice is kept in {@code tally_mail} with its state:
 * {@code SENT}, {@code FAILED} (with the error) or {@code NO_SMTP} (no mail server configured).
 */
@Component
class TallyNotices {

    private static final Logger log = LoggerFactory.getLogger(TallyNotices.class);

    private final JdbcTemplate jdbc;
    private final ObjectProvider<JavaMailSender> mail;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;
    private final String from;
    private final Locale locale;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tally-notices");
        t.setDaemon(true);
        return t;
    });

    TallyNotices(
            JdbcTemplate jdbc,
            ObjectProvider<JavaMailSender> mail,
            MessageSource messages,
            Clock clock,
            ZoneId zone,
            @Value("${kontor.mail.from:kontor@localhost}") String from,
            @Value("${kontor.tally.mail.language:de}") String language) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
        this.from = from;
        this.locale = Locale.forLanguageTag(language);
    }

    /** Everything the notices of one booking need, read in one query. */
    private record Booking(
            String firstName,
            String name,
            @Nullable String email,
            boolean notifyBooking,
            boolean notifyZero,
            boolean notifyThreshold,
            @Nullable Integer reminder,
            @Nullable Integer responsible,
            String description,
            String currency,
            @Nullable String responsibleEmail) {}

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void booked(BookedEvent event) {
        if (!event.mayNotify()) {
            return;
        }
        sender.execute(() -> {
            try {
                notices(event);
            } catch (RuntimeException e) {
                log.warn("Tally notices for booking {} failed", event.entryId(), e);
            }
        });
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void unknownToken(UnknownTokenEvent event) {
        sender.execute(() -> {
            String responsible = responsibleEmail();
            if (responsible == null) {
                return;
            }
            String time = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss")
                    .withZone(zone)
                    .format(event.at());
            send(
                    "UNKNOWN_TOKEN",
                    responsible,
                    text("tally.mail.unknownToken.subject"),
                    text(
                            "tally.mail.unknownToken.body",
                            HexFormat.ofDelimiter(":").withUpperCase().formatHex(event.token()),
                            Base64.getEncoder().encodeToString(event.token()),
                            time,
                            event.terminal()));
        });
    }

    private void notices(BookedEvent e) {
        Booking b = jdbc.queryForObject(
                "select p.first_name, concat(p.first_name, ' ', p.last_name, ' (', p.code, ')'), "
                        + "p.email, p.notify_booking, p.notify_zero, p.notify_threshold, p.reminder_threshold, "
                        + "p.responsible_threshold, e.description, s.currency, s.responsible_email "
                        + "from tally_person p join tally_entry e on e.id = ? join tally_settings s on s.id = 1 where p.id = ?",
                (rs, i) -> new Booking(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBoolean(4),
                        rs.getBoolean(5),
                        rs.getBoolean(6),
                        (Integer) rs.getObject(7),
                        (Integer) rs.getObject(8),
                        rs.getString(9),
                        rs.getString(10),
                        blankToNull(rs.getString(11))),
                e.entryId(),
                e.personId());
        String currency = b.currency();
        if (b.email() != null) {
            if (b.notifyBooking()) {
                send(
                        "BOOKING",
                        b.email(),
                        text("tally.mail.booking.subject", e.amount(), currency),
                        text(
                                "tally.mail.booking.body",
                                b.firstName(),
                                e.amount(),
                                currency,
                                b.description(),
                                e.balanceAfter()));
            }
            if (b.notifyZero() && e.balanceAfter() == 0 && e.balanceBefore() != 0) {
                send(
                        "ZERO",
                        b.email(),
                        text("tally.mail.zero.subject"),
                        text("tally.mail.zero.body", b.firstName(), currency));
            }
            if (b.notifyThreshold() && b.reminder() != null && crossedDown(e, b.reminder())) {
                send(
                        "THRESHOLD",
                        b.email(),
                        text("tally.mail.threshold.subject", e.balanceAfter(), currency),
                        text("tally.mail.threshold.body", b.firstName(), e.balanceAfter(), currency, b.reminder()));
            }
        }
        if (b.responsibleEmail() != null && b.responsible() != null && crossedDown(e, b.responsible())) {
            send(
                    "RESPONSIBLE",
                    b.responsibleEmail(),
                    text("tally.mail.responsible.subject", b.name()),
                    text("tally.mail.responsible.body", b.name(), e.balanceAfter(), currency, b.responsible()));
        }
    }

    /** Sends a notice (registration, password reset) on the notices' thread; kept in the outbox as usual. */
    void queue(String kind, @Nullable String to, String subjectKey, String bodyKey, Object... args) {
        if (to == null) {
            return;
        }
        sender.execute(() -> send(kind, to, text(subjectKey), text(bodyKey, args)));
    }

    /** Sends a kept ({@code NO_SMTP}) or {@code FAILED} notice again, now. */
    void resend(long mailId) {
        JavaMailSender sender = mail.getIfAvailable();
        var row = jdbc.queryForList("select recipient, subject, body, state from tally_mail where id = ?", mailId);
        if (row.isEmpty()) {
            throw DomainException.notFound("MAIL_NOT_FOUND", "tally.mail.notFound", mailId);
        }
        if ("SENT".equals(row.get(0).get("state"))) {
            return;
        }
        if (sender == null) {
            throw DomainException.conflict("NO_SMTP", "tally.mail.noSmtp");
        }
        deliver(
                sender,
                mailId,
                (String) row.get(0).get("recipient"),
                (String) row.get(0).get("subject"),
                (String) row.get(0).get("body"));
    }

    /** At or below the threshold now, above it before: one notice per crossing, not one per booking. */
    private static boolean crossedDown(BookedEvent e, int threshold) {
        return e.balanceAfter() <= threshold && e.balanceBefore() > threshold;
    }

    private @Nullable String responsibleEmail() {
        return blankToNull(
                jdbc.queryForObject("select responsible_email from tally_settings where id = 1", String.class));
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private void send(String kind, String to, String subject, String body) {
        JavaMailSender sender = mail.getIfAvailable();
        long id = Inserts.returningId(
                jdbc,
                "insert into tally_mail (kind, recipient, subject, body, state, created_at) "
                        + "values (?, ?, ?, ?, ?, ?)",
                kind,
                to,
                subject.length() > 255 ? subject.substring(0, 255) : subject,
                body,
                sender == null ? "NO_SMTP" : "PENDING",
                Timestamp.from(clock.instant()));
        if (sender == null) {
            return;
        }
        deliver(sender, id, to, subject, body);
    }

    private void deliver(JavaMailSender sender, long id, String to, String subject, String body) {
        try {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(to);
            message.setSubject(subject);
            message.setText(body);
            sender.send(message);
            jdbc.update(
                    "update tally_mail set state = 'SENT', sent_at = ? where id = ?",
                    Timestamp.from(clock.instant()),
                    id);
        } catch (RuntimeException e) {
            log.warn("Tally notice #{} to {} not sent: {}", id, to, e.getMessage());
            String error = String.valueOf(e.getMessage());
            jdbc.update(
                    "update tally_mail set state = 'FAILED', error = ? where id = ?",
                    error.length() > 500 ? error.substring(0, 500) : error,
                    id);
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    @PreDestroy
    void stop() {
        sender.shutdown();
    }
}
