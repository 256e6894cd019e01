package de.kontor.printer;

import de.kontor.printer.PrinterModel.ReservationOverrun;
import de.kontor.security.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * E-mails the member and the admins when a reservation runs over because the printer still prints. Sent on
 * a thread of its own; without SMTP (or without addresses) the event is only logged — the audit log keeps it.
 */
@Component
class PrinterNotices {

    private static final Logger log = LoggerFactory.getLogger(PrinterNotices.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final UserService users;
    private final MessageSource messages;
    private final String from;
    private final Locale locale;

    PrinterNotices(
            ObjectProvider<JavaMailSender> mail,
            UserService users,
            MessageSource messages,
            @Value("${kontor.mail.from:kontor@localhost}") String from,
            @Value("${kontor.tally.mail.language:de}") String language) {
        this.mail = mail;
        this.users = users;
        this.messages = messages;
        this.from = from;
        this.locale = Locale.forLanguageTag(language);
    }

    @EventListener
    void overrun(ReservationOverrun event) {
        List<String> to = new ArrayList<>();
        users.findByUsername(event.username()).map(u -> u.getEmail()).ifPresent(to::add);
        users.adminEmails().stream().filter(a -> !to.contains(a)).forEach(to::add);
        JavaMailSender sender = mail.getIfAvailable();
        log.info(
                "Reservation #{} overran: printer #{} still draws {} W",
                event.reservationId(),
                event.printerId(),
                event.watts());
        if (sender == null || to.isEmpty()) {
            return;
        }
        Thread.ofVirtual().name("printer-notice").start(() -> {
            try {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(from);
                message.setTo(to.toArray(String[]::new));
                message.setSubject(messages.getMessage(
                        "printer.mail.overrun.subject", new Object[] {event.printerName()}, locale));
                message.setText(messages.getMessage(
                        "printer.mail.overrun.body",
                        new Object[] {
                            event.printerName(), String.format(locale, "%.0f", event.watts()), event.reservationId()
                        },
                        locale));
                sender.send(message);
            } catch (RuntimeException e) {
                log.warn("Overrun notice for reservation #{} not sent: {}", event.reservationId(), e.getMessage());
            }
        });
    }
}
