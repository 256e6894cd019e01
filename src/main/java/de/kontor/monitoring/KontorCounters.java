package de.kontor.monitoring;

import de.kontor.printer.PrinterModel.PrintersPolled;
import de.kontor.tally.TallyModel.BookedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

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

    // counting reads and writes nothing in the database: no transaction needed
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void booked(BookedEvent event) {
        (event.amount() < 0 ? debits : credits).increment();
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void polled(PrintersPolled event) {
        plugPolls.increment(event.printers());
    }
}
