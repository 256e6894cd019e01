package de.kontor.monitoring;

import de.kontor.printer.PrinterModel.PrintersPolled;
import de.kontor.tally.TallyModel.BookedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Kontor's own business counters for {@code /actuator/prometheus}, counted from the modules' events
 * once their transaction committed: tally bookings (by direction) and plug polls. License verifications
 * are counted by the license API itself.
 */
@Component
class KontorCounters {

    private final Counter debits;
    private final Counter credits;
    private final Counter plugPolls;

    KontorCounters(MeterRegistry meters) {
        this.debits = Counter.builder("kontor.tally.bookings")
                .description("Tally bookings committed")
                .tag("direction", "debit")
                .register(meters);
        this.credits = Counter.builder("kontor.tally.bookings")
                .description("Tally bookings committed")
                .tag("direction", "credit")
                .register(meters);
        this.plugPolls = Counter.builder("kontor.printer.plug.polls")
                .description("Smart plugs read by the printer polling")
                .register(meters);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void booked(BookedEvent event) {
        (event.amount() < 0 ? debits : credits).increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void polled(PrintersPolled event) {
        plugPolls.increment(event.printers());
    }
}
