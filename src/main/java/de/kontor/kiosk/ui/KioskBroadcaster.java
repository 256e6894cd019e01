package de.kontor.kiosk.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.shared.Registration;
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

    private final Set<Runnable> boards = ConcurrentHashMap.newKeySet();
    private final Set<Consumer<String>> waiting = ConcurrentHashMap.newKeySet();

    Registration onChange(Component view, Runnable refresh) {
        Runnable listener = () -> view.getUI().ifPresent(ui -> ui.access(refresh::run));
        boards.add(listener);
        return () -> boards.remove(listener);
    }

    Registration onPaired(Component view, Consumer<String> paired) {
        Consumer<String> listener = code -> view.getUI().ifPresent(ui -> ui.access(() -> paired.accept(code)));
        waiting.add(listener);
        return () -> waiting.remove(listener);
    }

    int boards() {
        return boards.size();
    }

    @EventListener
    void power(PrinterPowerChanged e) {
        boards.forEach(Runnable::run);
    }

    @EventListener
    void polled(PrintersPolled e) {
        boards.forEach(Runnable::run);
    }

    @EventListener
    void overrun(ReservationOverrun e) {
        boards.forEach(Runnable::run);
    }

    @EventListener
    void changed(BoardChanged e) {
        boards.forEach(Runnable::run);
    }

    @EventListener
    void paired(KioskPaired e) {
        waiting.forEach(w -> w.accept(e.code()));
    }
}
