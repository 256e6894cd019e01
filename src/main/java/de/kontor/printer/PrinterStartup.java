package de.kontor.printer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After a start (Quartz has fired what it missed meanwhile), switches off plugs that are on although no
 * reservation holds them — unless their printer still draws power.
 */
@Component
class PrinterStartup {

    private static final Logger log = LoggerFactory.getLogger(PrinterStartup.class);

    private final ReservationTriggers triggers;
    private final PlugReconciliation reconciliation;

    PrinterStartup(ReservationTriggers triggers, PlugReconciliation reconciliation) {
        this.triggers = triggers;
        this.reconciliation = reconciliation;
    }

    @EventListener(ApplicationReadyEvent.class)
    void reconcile() {
        if (!triggers.status().schedulerRunning()) {
            return; // e.g. the command line or tests without Quartz
        }
        Thread.ofVirtual().name("printer-reconcile").start(() -> {
            try {
                int off = reconciliation.reconcile();
                if (off > 0) {
                    log.info("{} printer plugs were on without a reservation and are now off", off);
                }
            } catch (RuntimeException e) {
                log.warn("Reconciling printer plugs failed: {}", e.getMessage());
            }
        });
    }
}
