package de.kontor.printer;

import de.kontor.printer.PrinterModel.Printer;
import de.kontor.printer.plug.PlugModel.EnergyUsage;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * After a restart: printers that are on although no reservation holds them (and none starts within its
 * warm-up) are switched off — unless they still draw power (never cut a print). Reads in a short
 * transaction per printer, asks the plugs with none open.
 */
@Component
class PlugReconciliation {

    private final PrinterCatalog catalog;
    private final Reservations reservations;
    private final PlugOperations plugs;
    private final Clock clock;
    private final TransactionTemplate read;

    PlugReconciliation(
            PrinterCatalog catalog,
            Reservations reservations,
            PlugOperations plugs,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.catalog = catalog;
        this.reservations = reservations;
        this.plugs = plugs;
        this.clock = clock;
        this.read = new TransactionTemplate(transactions);
        this.read.setReadOnly(true);
    }

    /** Returns how many plugs were switched off. */
    int reconcile() {
        int off = 0;
        List<Printer> printers = read.execute(s -> catalog.list(false));
        for (Printer p : printers) {
            if (!p.active()) {
                continue;
            }
            Instant now = clock.instant();
            boolean held = Boolean.TRUE.equals(read.execute(
                    s -> reservations.holds(p.id(), now, now.plus(Duration.ofMinutes(p.warmupMinutes())))));
            if (held) {
                continue;
            }
            EnergyUsage energy = plugs.readEnergy(p.id());
            Boolean on = plugs.readOn(p.id());
            if (Boolean.TRUE.equals(on) && energy != null && energy.currentPowerWatts() < p.idleWatts()) {
                plugs.power(p.id(), false, "reconciled after restart");
                off++;
            }
        }
        return off;
    }
}
