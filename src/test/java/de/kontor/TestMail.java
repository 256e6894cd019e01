package de.kontor;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.awaitility.Awaitility.await;

/** One in-process SMTP server (GreenMail) per test JVM; the shared application context sends to it. */
public final class TestMail {

    private static final GreenMail SERVER = start();

    private TestMail() {}

    private static GreenMail start() {
        GreenMail mail = new GreenMail(ServerSetup.SMTP.dynamicPort());
        mail.start();
        return mail;
    }

    public static GreenMail server() {
        return SERVER;
    }

    public static int port() {
        return SERVER.getSmtp().getPort();
    }

    /** Waits (up to 5 s) until at least {@code atLeast} mails to {@code address} have arrived; returns them. */
    public static List<MimeMessage> awaitMailsTo(String address, int atLeast) {
        return await().alias("at least " + atLeast + " mails to " + address)
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> mailsTo(address), found -> found.size() >= atLeast);
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(SERVER.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equalsIgnoreCase(address);
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    /** The text of a received mail. */
    public static String text(MimeMessage message) {
        return GreenMailUtil.getBody(message);
    }
}
