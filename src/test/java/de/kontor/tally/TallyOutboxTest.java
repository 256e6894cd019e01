package de.kontor.tally;

import de.kontor.IntegrationTest;
import de.kontor.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Without a mail server, notices are kept in the outbox (state NO_SMTP) instead of being lost. */
class TallyOutboxTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MessageSource messages;

    @Autowired
    Clock appClock;

    @Autowired
    TallyService tally;

    @Autowired
    ObjectProvider<JavaMailSender> smtp;

    @Test
    void withoutSmtpANoticeIsKeptAndCanBeSentLater() throws Exception {
        ObjectProvider<JavaMailSender> none = new ObjectProvider<>() {
            @Override
            public JavaMailSender getObject() {
                throw new IllegalStateException("no SMTP");
            }

            @Override
            public JavaMailSender getObject(Object... args) {
                throw new IllegalStateException("no SMTP");
            }

            @Override
            public JavaMailSender getIfAvailable() {
                return null;
            }

            @Override
            public JavaMailSender getIfUnique() {
                return null;
            }
        };
        TallyNotices withoutSmtp =
                new TallyNotices(jdbc, none, messages, appClock, ZoneId.of("Europe/Berlin"), "kontor@localhost", "en");
        String to = unique("outbox") + "@example.org";
        withoutSmtp.queue(
                "REGISTRATION",
                to,
                "tally.mail.registration.subject",
                "tally.mail.registration.body",
                "Olga",
                "1234567890",
                to);
        Map<String, Object> kept = null;
        for (int i = 0; i < 100 && kept == null; i++) {
            kept = jdbc.queryForList("select id, state, subject, body from tally_mail where recipient = ?", to).stream()
                    .findFirst()
                    .orElse(null);
            Thread.sleep(50);
        }
        withoutSmtp.stop();
        assertThat(kept).isNotNull();
        assertThat(kept.get("state")).isEqualTo("NO_SMTP");
        assertThat(kept.get("subject")).isEqualTo("Your tally account");
        assertThat((String) kept.get("body")).contains("1234567890");
        long id = ((Number) kept.get("id")).longValue();
        assertThat(tally.mails(PageRequest.of(0, 500)).getContent())
                .anyMatch(m -> m.id() == id && m.state().equals("NO_SMTP"));

        // once a mail server is there, "send again" delivers it
        tally.resendMail(id);
        assertThat(jdbc.queryForObject("select state from tally_mail where id = ?", String.class, id))
                .isEqualTo("SENT");
        assertThat(TestMail.awaitMailsTo(to, 1)).hasSize(1);
    }
}
