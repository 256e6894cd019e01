package de.kontor.printer.ui;

import com.vaadin.flow.component.Component;
import de.kontor.base.ui.ViewRefreshers;
import de.kontor.printer.PrinterModel.PrinterPowerChanged;
import de.kontor.printer.PrinterModel.PrintersPolled;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Server push for the printer views: when a plug was switched or a poll stored new readings, every open
 * printer view on this node refreshes itself (no page reload) — after the change is committed, so the views
 * read what was stored.
 */
@org.springframework.stereotype.Component
class PrinterBroadcaster {

    private final ViewRefreshers views = new ViewRefreshers();

    /** Refreshes {@code view} while it is attached. */
    void whileAttached(Component view, Runnable refresh) {
        views.whileAttached(view, refresh);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void powerChanged(PrinterPowerChanged event) {
        views.refreshAll();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void polled(PrintersPolled event) {
        views.refreshAll();
    }
}
