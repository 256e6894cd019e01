package de.kontor.kiosk.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.shared.Registration;
import de.kontor.base.ui.ViewRefreshers;
import de.kontor.kiosk.KioskModel.BoardChanged;
import de.kontor.kiosk.KioskModel.KioskPaired;
import de.kontor.printer.PrinterModel.PrinterPowerChanged;
import de.kontor.printer.PrinterModel.PrintersPolled;
import de.kontor.printer.PrinterModel.ReservationOverrun;
import org.springframework.context.event.EventListener;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Server push for the kiosk boards on this node: a printer switched or was polled, a kiosk's settings
 * changed, a screen was paired. Boards refresh through {@code UI.access}, without reloading.
 */
@org.springframework.stereotype.Component
class KioskBroadcaster {

    private final ViewRefreshers boards = new ViewRefreshers();
    private final Set<Consumer<String>> waiting = ConcurrentHashMap.newKeySet();

    Registration onChange(Component view, Runnable refresh) {
        return boards.add(view, refresh);
    }

    Registration onPaired(Component view, Consumer<String> paired) {
        Consumer<String> listener = code -> view.getUI().ifPresent(ui -> ui.access(() -> paired.accept(code)));
        waiting.add(listener);
        return () -> waiting.remove(listener);
    }

    @EventListener
    void power(PrinterPowerChanged e) {
        boards.refreshAll();
    }

    @EventListener
    void polled(PrintersPolled e) {
        boards.refreshAll();
    }

    @EventListener
    void overrun(ReservationOverrun e) {
        boards.refreshAll();
    }

    @EventListener
    void changed(BoardChanged e) {
        boards.refreshAll();
    }

    @EventListener
    void paired(KioskPaired e) {
        waiting.forEach(w -> w.accept(e.code()));
    }
}
