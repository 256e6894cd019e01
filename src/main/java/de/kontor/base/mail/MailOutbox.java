package de.kontor.base.mail;

import de.kontor.base.db.Rows;
import de.kontor.base.error.DomainException;
import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Kontor's one way to send e-mail. A queued mail is written to {@code mail_outbox} in the caller's transaction
 * and handed to the SMTP server only after that transaction commits, on a thread of its own: a mail never
 * slows down or fails the work that caused it, a rolled-back change sends nothing, and every mail stays
 * visible with its state. Failed deliveries are retried with a growing pause ({@link #retryDue()}, run by a
 * clustered job); without an SMTP server mails are kept as {@link MailState#NO_SMTP} for "send again".
 * <p>
 * Each delivery first claims the row ({@code PENDING}/{@code FAILED} → {@code SENDING} in one update), so two
 * nodes of a cluster never send the same mail twice.
 */
@Service
public class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    /** A node that claimed a mail and did not finish within this time has died: the mail is tried again. */
    static final Duration STUCK_AFTER = Duration.ofMinutes(10);

    private static final String COLUMNS =
            "id, module, kind, recipient, subject, body, state, error, attempts, " + "created_at, sent_at";

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> smtp;
    private final MailProperties properties;
    private final Clock clock;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mail-outbox");
        t.setDaemon(true);
        return t;
    });

    MailOutbox(JdbcClient jdbc, ObjectProvider<JavaMailSender> smtp, MailProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.smtp = smtp;
        this.properties = properties;
        this.clock = clock;
    }

    /** The language of mails to people who have not chosen one. */
    public Locale language() {
        return properties.language();
    }

    /** Whether an SMTP server is configured. */
    public boolean canSend() {
        return smtp.getIfAvailable() != null;
    }

    /**
     * Keeps the mail in the outbox as part of the current transaction (or a new one) and sends it once that
     * commits. Returns the outbox id.
     */
    @Transactional
    public long queue(OutgoingMail mail) {
        MailState state = canSend() ? MailState.PENDING : MailState.NO_SMTP;
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into mail_outbox (module, kind, recipient, subject, body, state, attempts, created_at) "
                        + "values (:module, :kind, :recipient, :subject, :body, :state, 0, :now)")
                .param("module", mail.module())
                .param("kind", mail.kind())
                .param("recipient", mail.to())
                .param("subject", mail.subject())
                .param("body", mail.body())
                .param("state", state.name())
                .param("now", Timestamp.from(clock.instant()))
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        if (state == MailState.PENDING) {
            afterCommit(() -> sender.execute(() -> deliver(id)));
        }
        return id;
    }

    /** Sends a kept ({@code NO_SMTP}) or failed mail again, now, on the caller's thread. */
    public void resend(long id) {
        OutboxMail mail = get(id).orElseThrow(() -> DomainException.notFound("MAIL_NOT_FOUND", "mail.notFound", id));
        if (mail.state() == MailState.SENT) {
            return;
        }
        if (!canSend()) {
            throw DomainException.conflict("NO_SMTP", "mail.noSmtp");
        }
        jdbc.sql("update mail_outbox set state = 'PENDING' where id = :id and state in ('NO_SMTP', 'FAILED')")
                .param("id", id)
                .update();
        if (!deliver(id)) {
            OutboxMail after = get(id).orElseThrow();
            if (after.state() == MailState.FAILED) {
                throw DomainException.conflict("MAIL_FAILED", "mail.failed", String.valueOf(after.error()));
            }
        }
    }

    @Transactional(readOnly = true)
    public Optional<OutboxMail> get(long id) {
        return jdbc.sql("select " + COLUMNS + " from mail_outbox where id = :id")
                .param("id", id)
                .query(Rows.mapper(OutboxMail.class))
                .optional();
    }

    /** The outbox, newest first; {@code module} null for all modules. */
    @Transactional(readOnly = true)
    public Slice<OutboxMail> find(@Nullable String module, @Nullable MailState state, Pageable page) {
        List<OutboxMail> rows = jdbc.sql("select " + COLUMNS + " from mail_outbox "
                        + "where (:module is null or module = :module) and (:state is null or state = :state) "
                        + "order by created_at desc, id desc limit :limit offset :offset")
                .param("module", module)
                .param("state", state == null ? null : state.name())
                .param("limit", page.getPageSize() + 1)
                .param("offset", page.getOffset())
                .query(Rows.mapper(OutboxMail.class))
                .list();
        return Rows.slice(rows, page);
    }

    /** How many mails failed for good or are being retried, created since {@code since}. */
    @Transactional(readOnly = true)
    public long failedSince(Instant since) {
        return jdbc.sql("select count(*) from mail_outbox where state = 'FAILED' and created_at >= :since")
                .param("since", Timestamp.from(since))
                .query(Long.class)
                .single();
    }

    /**
     * Delivers what is due: failed mails whose pause is over (while attempts remain) and mails a stopped node
     * claimed or queued but never sent. Returns how many were sent.
     */
    public int retryDue() {
        if (!canSend()) {
            return 0;
        }
        Instant now = clock.instant();
        Instant stuck = now.minus(STUCK_AFTER);
        List<Long> due = jdbc.sql("select id from mail_outbox where "
                        + "(state = 'FAILED' and attempts < :max and next_attempt_at <= :now) "
                        + "or (state in ('PENDING', 'SENDING') and coalesce(claimed_at, created_at) < :stuck) "
                        + "order by id limit 100")
                .param("max", properties.maxAttempts())
                .param("now", Timestamp.from(now))
                .param("stuck", Timestamp.from(stuck))
                .query(Long.class)
                .list();
        int sent = 0;
        for (long id : due) {
            jdbc.sql("update mail_outbox set state = 'PENDING' where id = :id and state = 'SENDING' "
                            + "and claimed_at < :stuck")
                    .param("id", id)
                    .param("stuck", Timestamp.from(stuck))
                    .update();
            if (deliver(id)) {
                sent++;
            }
        }
        return sent;
    }

    /** Claims the mail, hands it to the SMTP server and records the outcome. Returns whether it was sent. */
    private boolean deliver(long id) {
        JavaMailSender server = smtp.getIfAvailable();
        if (server == null) {
            return false;
        }
        Instant now = clock.instant();
        int claimed = jdbc.sql("update mail_outbox set state = 'SENDING', claimed_at = :now "
                        + "where id = :id and state in ('PENDING', 'FAILED')")
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
        if (claimed == 0) {
            return false; // sent or being sent by another node
        }
        OutboxMail mail = get(id).orElseThrow();
        try {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(properties.from());
            message.setTo(mail.recipient());
            message.setSubject(mail.subject());
            message.setText(mail.body());
            server.send(message);
            jdbc.sql("update mail_outbox set state = 'SENT', sent_at = :now, attempts = attempts + 1, error = null "
                            + "where id = :id")
                    .param("now", Timestamp.from(clock.instant()))
                    .param("id", id)
                    .update();
            return true;
        } catch (RuntimeException e) {
            int attempts = mail.attempts() + 1;
            Duration pause = properties.retryAfter().multipliedBy(1L << Math.min(attempts - 1, 10));
            String error = String.valueOf(e.getMessage());
            log.warn(
                    "Mail {} ({} {}) to {} not sent (attempt {}): {}",
                    id,
                    mail.module(),
                    mail.kind(),
                    mail.recipient(),
                    attempts,
                    error);
            jdbc.sql("update mail_outbox set state = 'FAILED', attempts = :attempts, error = :error, "
                            + "next_attempt_at = :next where id = :id")
                    .param("attempts", attempts)
                    .param("error", error.length() > 500 ? error.substring(0, 500) : error)
                    .param("next", Timestamp.from(clock.instant().plus(pause)))
                    .param("id", id)
                    .update();
            return false;
        }
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    @PreDestroy
    void stop() {
        sender.shutdown();
    }
}
