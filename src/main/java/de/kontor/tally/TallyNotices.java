package de.kontor.tally;

import de.kontor.base.db.Rows;
import de.kontor.base.mail.MailOutbox;
import de.kontor.base.mail.OutgoingMail;
import de.kontor.tally.TallyModel.BookedEvent;
import de.kontor.tally.TallyModel.UnknownTokenEvent;
import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * E-mail notices of the tally module, composed after a booking has committed and on a thread of their own,
 * so they never slow down or fail a booking, and sent through the outbox ({@link MailOutbox}), which keeps
 * every notice with its state.
 */
@Component
class TallyNotices {

    private static final Logger log = LoggerFactory.getLogger(TallyNotices.class);

    private final JdbcClient jdbc;
    private final MailOutbox outbox;
    private final MessageSource messages;
    private final ZoneId zone;
    private final Locale locale;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tally-notices");
        t.setDaemon(true);
        return t;
    });

    TallyNotices(JdbcClient jdbc, MailOutbox outbox, MessageSource messages, ZoneId zone) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.messages = messages;
        this.zone = zone;
        this.locale = outbox.language();
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

    private static final RowMapper<Booking> BOOKING = Rows.mapper(Booking.class);

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
        Booking b = jdbc.sql(
                        "select p.first_name, concat(p.first_name, ' ', p.last_name, ' (', p.code, ')') as name, "
                                + "p.email, p.notify_booking, p.notify_zero, p.notify_threshold, p.reminder_threshold as reminder, "
                                + "p.responsible_threshold as responsible, e.description, s.currency, s.responsible_email "
                                + "from tally_person p join tally_entry e on e.id = ? join tally_settings s on s.id = 1 where p.id = ?")
                .params(e.entryId(), e.personId())
                .query(BOOKING)
                .single();
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
        String responsibleEmail = blankToNull(b.responsibleEmail());
        if (responsibleEmail != null && b.responsible() != null && crossedDown(e, b.responsible())) {
            send(
                    "RESPONSIBLE",
                    responsibleEmail,
                    text("tally.mail.responsible.subject", b.name()),
                    text("tally.mail.responsible.body", b.name(), e.balanceAfter(), currency, b.responsible()));
        }
    }

    /**
     * Queues a notice (registration, password reset) in the outbox as part of the caller's transaction: it is
     * sent after the commit, and not at all when the transaction rolls back.
     */
    void queue(String kind, @Nullable String to, String subjectKey, String bodyKey, Object... args) {
        if (to == null) {
            return;
        }
        send(kind, to, text(subjectKey), text(bodyKey, args));
    }

    /** At or below the threshold now, above it before: one notice per crossing, not one per booking. */
    private static boolean crossedDown(BookedEvent e, int threshold) {
        return e.balanceAfter() <= threshold && e.balanceBefore() > threshold;
    }

    private @Nullable String responsibleEmail() {
        return blankToNull(jdbc.sql("select coalesce(responsible_email, '') from tally_settings where id = 1")
                .query(String.class)
                .single());
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private void send(String kind, String to, String subject, String body) {
        outbox.queue(new OutgoingMail("tally", kind, to, subject, body));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    @PreDestroy
    void stop() {
        sender.shutdown();
    }
}
