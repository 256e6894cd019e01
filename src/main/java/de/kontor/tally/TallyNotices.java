package de.kontor.tally;

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
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.sql.PreparedStatement;
import java.sql.Statement;
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

    TallyNotices(JdbcTemplate jdbc, ObjectProvider<JavaMailSender> mail, MessageSource messages, Clock clock, ZoneId zone,
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

    private record Person(String firstName, @Nullable String email, boolean notifyBooking, boolean notifyZero,
                          boolean notifyThreshold, @Nullable Integer reminder, @Nullable Integer responsible) {
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void booked(BookedEvent event) {
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
            String time = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss").withZone(zone).format(event.at());
            send("UNKNOWN_TOKEN", responsible, text("tally.mail.unknownToken.subject"),
                    text("tally.mail.unknownToken.body", HexFormat.ofDelimiter(":").withUpperCase().formatHex(event.token()),
                            Base64.getEncoder().encodeToString(event.token()), time, event.terminal()));
        });
    }

    private void notices(BookedEvent e) {
        Person p = jdbc.queryForObject("select first_name, email, notify_booking, notify_zero, notify_threshold, "
                        + "reminder_threshold, responsible_threshold from tally_person where id = ?",
                (rs, i) -> new Person(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(5),
                        (Integer) rs.getObject(6), (Integer) rs.getObject(7)), e.personId());
        String currency = jdbc.queryForObject("select currency from tally_settings where id = 1", String.class);
        String description = jdbc.queryForObject("select description from tally_entry where id = ?", String.class, e.entryId());
        if (p.email() != null) {
            if (p.notifyBooking()) {
                send("BOOKING", p.email(), text("tally.mail.booking.subject", e.amount(), currency),
                        text("tally.mail.booking.body", p.firstName(), e.amount(), currency, description, e.balanceAfter()));
            }
            if (p.notifyZero() && e.balanceAfter() == 0 && e.balanceBefore() != 0) {
                send("ZERO", p.email(), text("tally.mail.zero.subject"), text("tally.mail.zero.body", p.firstName(), currency));
            }
            if (p.notifyThreshold() && p.reminder() != null && crossedDown(e, p.reminder())) {
                send("THRESHOLD", p.email(), text("tally.mail.threshold.subject", e.balanceAfter(), currency),
                        text("tally.mail.threshold.body", p.firstName(), e.balanceAfter(), currency, p.reminder()));
            }
        }
        String responsible = responsibleEmail();
        if (responsible != null && p.responsible() != null && crossedDown(e, p.responsible())) {
            String name = jdbc.queryForObject("select concat(first_name, ' ', last_name, ' (', code, ')') from tally_person "
                    + "where id = ?", String.class, e.personId());
            send("RESPONSIBLE", responsible, text("tally.mail.responsible.subject", name),
                    text("tally.mail.responsible.body", name, e.balanceAfter(), currency, p.responsible()));
        }
    }

    /** At or below the threshold now, above it before: one notice per crossing, not one per booking. */
    private static boolean crossedDown(BookedEvent e, int threshold) {
        return e.balanceAfter() <= threshold && e.balanceBefore() > threshold;
    }

    private @Nullable String responsibleEmail() {
        String address = jdbc.queryForObject("select responsible_email from tally_settings where id = 1", String.class);
        return address == null || address.isBlank() ? null : address;
    }

    private void send(String kind, String to, String subject, String body) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        JavaMailSender sender = mail.getIfAvailable();
        String state = sender == null ? "NO_SMTP" : "PENDING";
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("insert into tally_mail (kind, recipient, subject, body, state, "
                    + "created_at) values (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, kind);
            ps.setString(2, to);
            ps.setString(3, subject.length() > 255 ? subject.substring(0, 255) : subject);
            ps.setString(4, body);
            ps.setString(5, state);
            ps.setTimestamp(6, Timestamp.from(clock.instant()));
            return ps;
        }, key);
        long id = key.getKey().longValue();
        if (sender == null) {
            return;
        }
        try {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(to);
            message.setSubject(subject);
            message.setText(body);
            sender.send(message);
            jdbc.update("update tally_mail set state = 'SENT', sent_at = ? where id = ?", Timestamp.from(clock.instant()), id);
        } catch (RuntimeException e) {
            log.warn("Tally notice {} to {} not sent: {}", kind, to, e.getMessage());
            String error = String.valueOf(e.getMessage());
            jdbc.update("update tally_mail set state = 'FAILED', error = ? where id = ?",
                    error.length() > 500 ? error.substring(0, 500) : error, id);
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
