package de.kontor.base.mail;

import de.kontor.IntegrationTest;
import de.kontor.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The outbox against a real SMTP server (GreenMail), a closed port and no server at all. */
class MailOutboxTest extends IntegrationTest {

    @Autowired
    MailOutbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ObjectProvider<JavaMailSender> smtp;

    private final MailProperties properties =
            new MailProperties("kontor@localhost", Locale.GERMAN, 3, Duration.ofMinutes(1));

    @Test
    void aQueuedMailIsSentAfterCommitAndKeptAsSent() throws Exception {
        String to = unique("sent") + "@example.org";
        long id = transactions.execute(tx -> outbox.queue(new OutgoingMail("tally", "BOOKING", to, "Hallo", "Text")));

        assertThat(TestMail.awaitMailsTo(to, 1)).hasSize(1);
        await().untilAsserted(
                        () -> assertThat(outbox.get(id).orElseThrow().state()).isEqualTo(MailState.SENT));
        OutboxMail sent = outbox.get(id).orElseThrow();
        assertThat(sent.sentAt()).isNotNull();
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(outbox.find("tally", MailState.SENT, PageRequest.of(0, 50)).getContent())
                .extracting(OutboxMail::id)
                .contains(id);
    }

    @Test
    void aRolledBackChangeSendsNothing() {
        String to = unique("rollback") + "@example.org";
        AtomicReference<Long> id = new AtomicReference<>();
        transactions.executeWithoutResult(tx -> {
            id.set(outbox.queue(new OutgoingMail("tally", "BOOKING", to, "Nie", "Nie gesendet")));
            tx.setRollbackOnly();
        });

        assertThat(outbox.get(id.get())).isEmpty();
        assertThat(count(to)).isZero();
    }

    @Test
    void withoutSmtpAMailIsKeptAndCanBeSentLater() throws Exception {
        MailOutbox withoutSmtp = new MailOutbox(jdbc, none(), properties, clock);
        String to = unique("kept") + "@example.org";
        long id = withoutSmtp.queue(new OutgoingMail("tally", "REGISTRATION", to, "Konto", "Code 1234567890"));

        assertThat(withoutSmtp.get(id).orElseThrow().state()).isEqualTo(MailState.NO_SMTP);
        assertThat(withoutSmtp.retryDue()).isZero();
        assertThatThrownBy(() -> withoutSmtp.resend(id)).hasMessageContaining("mail.noSmtp");

        outbox.resend(id); // once a mail server is there, "send again" delivers it
        assertThat(outbox.get(id).orElseThrow().state()).isEqualTo(MailState.SENT);
        assertThat(TestMail.awaitMailsTo(to, 1)).hasSize(1);
        withoutSmtp.stop();
    }

    @Test
    void aFailedDeliveryIsRetriedWithGrowingPausesUntilTheAttemptsRunOut() throws Exception {
        MailOutbox unreachable = new MailOutbox(jdbc, provider(closedPortSender()), properties, clock);
        String to = unique("retry") + "@example.org";
        long id = unreachable.queue(new OutgoingMail("monitoring", "ALERT", to, "Alarm", "CPU"));

        await().untilAsserted(
                        () -> assertThat(outbox.get(id).orElseThrow().state()).isEqualTo(MailState.FAILED));
        OutboxMail failed = outbox.get(id).orElseThrow();
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.error()).isNotBlank();

        // not due yet: the first pause is one minute
        unreachable.retryDue();
        assertThat(outbox.get(id).orElseThrow().attempts()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(61));
        unreachable.retryDue();
        assertThat(outbox.get(id).orElseThrow().attempts()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(61)); // the second pause is two minutes
        unreachable.retryDue();
        assertThat(outbox.get(id).orElseThrow().attempts()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(61));
        unreachable.retryDue();
        assertThat(outbox.get(id).orElseThrow().attempts()).isEqualTo(3);
        clock.advance(Duration.ofHours(1)); // three attempts were allowed: it stays failed
        unreachable.retryDue();
        assertThat(outbox.get(id).orElseThrow().attempts()).isEqualTo(3);
        assertThat(outbox.failedSince(clock.instant().minus(Duration.ofDays(1))))
                .isPositive();

        // the server is back: the real outbox (with more attempts allowed) sends it on an admin's "send again"
        outbox.resend(id);
        assertThat(outbox.get(id).orElseThrow().state()).isEqualTo(MailState.SENT);
        assertThat(TestMail.awaitMailsTo(to, 1)).hasSize(1);
        unreachable.stop();
    }

    @Test
    void aMailClaimedByANodeThatDiedIsSentByTheRetry() throws Exception {
        String to = unique("stuck") + "@example.org";
        MailOutbox withoutSmtp = new MailOutbox(jdbc, none(), properties, clock);
        long id = withoutSmtp.queue(new OutgoingMail("printer", "OVERRUN", to, "Drucker", "läuft noch"));
        jdbc.sql("update mail_outbox set state = 'SENDING', claimed_at = created_at where id = :id")
                .param("id", id)
                .update();

        outbox.retryDue();
        assertThat(outbox.get(id).orElseThrow().state()).isEqualTo(MailState.SENDING); // maybe still working
        clock.advance(MailOutbox.STUCK_AFTER.plusSeconds(1));
        outbox.retryDue();
        assertThat(outbox.get(id).orElseThrow().state()).isEqualTo(MailState.SENT);
        assertThat(TestMail.awaitMailsTo(to, 1)).hasSize(1);
        withoutSmtp.stop();
    }

    private long count(String to) {
        return jdbc.sql("select count(*) from mail_outbox where recipient = :to")
                .param("to", to)
                .query(Long.class)
                .single();
    }

    private static JavaMailSender closedPortSender() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        return sender;
    }

    private static ObjectProvider<JavaMailSender> none() {
        return provider(null);
    }

    private static ObjectProvider<JavaMailSender> provider(JavaMailSender sender) {
        return new ObjectProvider<>() {
            @Override
            public JavaMailSender getObject() {
                if (sender == null) {
                    throw new IllegalStateException("no SMTP");
                }
                return sender;
            }

            @Override
            public JavaMailSender getObject(Object... args) {
                return getObject();
            }

            @Override
            public JavaMailSender getIfAvailable() {
                return sender;
            }

            @Override
            public JavaMailSender getIfUnique() {
                return sender;
            }
        };
    }
}
