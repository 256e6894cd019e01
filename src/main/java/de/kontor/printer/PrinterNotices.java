package de.kontor.printer;

import de.kontor.base.mail.MailOutbox;
import de.kontor.base.mail.OutgoingMail;
import de.kontor.printer.PrinterModel.ReservationOverrun;
import de.kontor.security.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * E-mails the member and the admins when a reservation runs over because the printer still prints, through
 * the outbox (sent after the overrun is recorded, kept when there is no SMTP server). Without addresses the
 * event is only logged — the audit log keeps it.
 */
@Component
class PrinterNotices {

    private static final Logger log = LoggerFactory.getLogger(PrinterNotices.class);

    private final MailOutbox outbox;
    private final UserService users;
    private final MessageSource messages;

    PrinterNotices(MailOutbox outbox, UserService users, MessageSource messages) {
        this.outbox = outbox;
        this.users = users;
        this.messages = messages;
    }

    @EventListener
    void overrun(ReservationOverrun event) {
        List<String> to = new ArrayList<>();
        users.findByUsername(event.username()).map(u -> u.getEmail()).ifPresent(to::add);
        users.adminEmails().stream().filter(a -> !to.contains(a)).forEach(to::add);
        log.info(
                "Reservation #{} overran: printer #{} still draws {} W",
                event.reservationId(),
                event.printerId(),
                event.watts());
        Locale locale = outbox.language();
        String subject =
                messages.getMessage("printer.mail.overrun.subject", new Object[] {event.printerName()}, locale);
        String body = messages.getMessage(
                "printer.mail.overrun.body",
                new Object[] {event.printerName(), String.format(locale, "%.0f", event.watts()), event.reservationId()},
                locale);
        for (String address : to) {
            outbox.queue(new OutgoingMail("printer", "OVERRUN", address, subject, body));
        }
    }
}
