package de.kontor.printer.ui;

import com.vaadin.flow.shared.Registration;
import de.kontor.printer.PrinterModel.PrinterPowerChanged;
import de.kontor.printer.PrinterModel.PrintersPolled;
import org.springframework.context.event.EventListener;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server push for the printer views: when a plug was switched or a poll stored new readings, every open
 * printer view on this node refreshes itself (through {@code UI.access}, no page reload).
 */
@org.springframework.stereotype.Component
class PrinterBroadcaster {

    private final Set<Runnable> listeners = ConcurrentHashMap.newKeySet();

    /** Refreshes {@code view} while it is attached. */
    Registration register(com.vaadin.flow.component.Component view, Runnable refresh) {
        Runnable listener = () -> view.getUI().ifPresent(ui -> ui.access(refresh::run));
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @EventListener
    void powerChanged(PrinterPowerChanged event) {
        listeners.forEach(Runnable::run);
    }

    @EventListener
    void polled(PrintersPolled event) {
        listeners.forEach(Runnable::run);
    }
}
