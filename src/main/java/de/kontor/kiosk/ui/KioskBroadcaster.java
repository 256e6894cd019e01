package de.kontor.kiosk.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.shared.Registration;
import de.kontor.base.ui.ViewRefreshers;
import de.kontor.kiosk.KioskModel.BoardChanged;
import de.kontor.kiosk.KioskModel.KioskPaired;
import de.kontor.printer.PrinterModel.PrinterPowerChanged;
import de.kontor.printer.PrinterModel.PrintersPolled;
import de.kontor.printer.PrinterModel.ReservationOverrun;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Server push for the kiosk boards on this node: a printer switched or was polled, a reservation ran over
 * (the printer module's events, heard after they are committed, on another thread), a kiosk's settings
 * changed or a screen was paired (this module's own, after commit). Boards refresh through
 * {@code UI.access}, without reloading; a missed refresh is made up by the board's own 15-second poll.
 */
@org.springframework.stereotype.Component
class KioskBroadcaster {

    private final ViewRefreshers boards = new ViewRefreshers();
    private final Set<Consumer<String>> waiting = ConcurrentHashMap.newKeySet();

    /** Refreshes {@code view} while it is attached. */
    void whileAttached(Component view, Runnable refresh) {
        boards.whileAttached(view, refresh);
    }

    Registration onPaired(Component view, Consumer<String> paired) {
        Consumer<String> listener = code -> view.getUI().ifPresent(ui -> ui.access(() -> paired.accept(code)));
        waiting.add(listener);
        return () -> waiting.remove(listener);
    }

    // A refresh reads nothing itself (each board reads in its own UI thread): no transaction needed.
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void power(PrinterPowerChanged e) {
        boards.refreshAll();
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void polled(PrintersPolled e) {
        boards.refreshAll();
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void overrun(ReservationOverrun e) {
        boards.refreshAll();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void changed(BoardChanged e) {
        boards.refreshAll();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void paired(KioskPaired e) {
        waiting.forEach(w -> w.accept(e.code()));
    }
}
