package de.kontor.tally;

import com.icegreen.greenmail.util.GreenMailUtil;
import de.kontor.IntegrationTest;
import de.kontor.TestMail;
import de.kontor.tally.TallyModel.Scope;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** E-mail notices, received by an in-process SMTP server. */
class TallyNoticesTest extends IntegrationTest {

    @Autowired
    TallyService tally;

    @Autowired
    JdbcTemplate jdbc;

    TallyModel.ApiClient terminal;

    @BeforeEach
    void setUp() {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        ADMIN, null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        long user = tally.createApiUser("Notices terminal");
        terminal =
                tally.authenticate(tally.generateKey(user, Scope.BOOK).value()).orElseThrow();
    }

    private static String unique() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }

    private List<MimeMessage> mailsTo(String address, int atLeast) throws Exception {
        return TestMail.awaitMailsTo(address, atLeast);
    }

    @Test
    void aMemberGetsTheNoticesTheyOptedInto() throws Exception {
        String code = unique();
        long id = tally.createPerson(code, "Ihle", "Ida", null).id();
        String address = "ida-" + code + "@example.org";
        jdbc.update(
                "update tally_person set email = ?, notify_booking = true, notify_zero = true, notify_threshold = true, "
                        + "reminder_threshold = 1 where id = ?",
                address,
                id);
        tally.addBooking(id, 2, "Einzahlung"); // a booking notice; 0 -> 2 crosses no threshold

        assertThat(tally.bookQr(code, "Theke", terminal)).isInstanceOf(TallyModel.Booked.class); // 2 -> 1
        assertThat(tally.bookQr(code, "Theke", terminal)).isInstanceOf(TallyModel.Booked.class); // 1 -> 0

        List<MimeMessage> mails = mailsTo(address, 5);
        List<String> subjects = mails.stream()
                .map(m -> {
                    try {
                        return m.getSubject();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
        assertThat(subjects)
                .containsExactlyInAnyOrder(
                        "Strichliste: Buchung über 2 €",
                        "Strichliste: Buchung über -1 €",
                        "Strichliste: Buchung über -1 €",
                        "Strichliste: Dein Guthaben beträgt 1 €",
                        "Strichliste: Dein Guthaben ist aufgebraucht");
        String zero = GreenMailUtil.getBody(mails.stream()
                .filter(m -> {
                    try {
                        return m.getSubject().contains("aufgebraucht");
                    } catch (Exception e) {
                        return false;
                    }
                })
                .findFirst()
                .orElseThrow());
        assertThat(zero).contains("Hallo Ida");
        // the outbox marks a mail SENT after the SMTP server took it: wait for the last update too
        await().untilAsserted(() -> assertThat(
                        jdbc.queryForList("select state from mail_outbox where recipient = ?", String.class, address))
                .hasSize(5)
                .containsOnly("SENT"));
    }

    @Test
    void theResponsiblePersonHearsOfUnknownTokensAndLowBalances() throws Exception {
        String responsible = "kasse-" + unique() + "@example.org";
        jdbc.update("update tally_settings set responsible_email = ? where id = 1", responsible);
        try {
            byte[] token = {0x04, (byte) 0xA2, 0x2B, 0x1C, 0x5D};
            assertThat(tally.bookNfc(token, "Terminal Halle", terminal)).isInstanceOf(TallyModel.UnknownToken.class);
            String code = unique();
            long id = tally.createPerson(code, "Jung", "Jan", null).id();
            tally.addBooking(id, 1, "Einzahlung");
            jdbc.update("update tally_person set responsible_threshold = 0 where id = ?", id);
            tally.bookQr(code, "Theke", terminal);

            List<MimeMessage> mails = mailsTo(responsible, 2);
            String all = String.join(
                    "\n",
                    mails.stream()
                            .map(m -> {
                                try {
                                    return m.getSubject() + "\n" + GreenMailUtil.getBody(m);
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                            })
                            .toList());
            assertThat(all)
                    .contains("Unbekannter NFC-Token")
                    .contains("04:A2:2B:1C:5D")
                    .contains("BKIrHF0=")
                    .contains("Terminal Halle");
            assertThat(all).contains("Niedriges Guthaben von Jan Jung (" + code + ")");
        } finally {
            jdbc.update("update tally_settings set responsible_email = null where id = 1");
        }
    }
}
