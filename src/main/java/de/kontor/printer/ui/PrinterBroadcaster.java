package de.kontor.printer.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.shared.Registration;
import de.kontor.base.ui.ViewRefreshers;
import de.kontor.printer.PrinterModel.PrinterPowerChanged;
import de.kontor.printer.PrinterModel.PrintersPolled;
import org.springframework.context.event.EventListener;

/**
 * Server push for the printer views: when a plug was switched or a poll stored new readings, every open
 * printer view on this node refreshes itself (no page reload).
 */
@org.springframework.stereotype.Component
class PrinterBroadcaster {

    private final ViewRefreshers views = new ViewRefreshers();

    /** Refreshes {@code view} while it is attached. */
    Registration register(Component view, Runnable refresh) {
        return views.add(view, refresh);
    }

    @EventListener
    void powerChanged(PrinterPowerChanged event) {
        views.refreshAll();
    }

    @EventListener
    void polled(PrintersPolled event) {
        views.refreshAll();
    }
}
