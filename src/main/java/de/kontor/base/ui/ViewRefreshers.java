package de.kontor.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.shared.Registration;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open views that want to refresh themselves when something changes on the server (server push): each
 * refresh runs in its own UI through {@code UI.access}, so any thread may call {@link #refreshAll()}.
 */
public final class ViewRefreshers {

    private final Set<Runnable> listeners = ConcurrentHashMap.newKeySet();

    /** Refreshes {@code view} while registered; remove the registration when the view detaches. */
    public Registration add(Component view, Runnable refresh) {
        Runnable listener = () -> view.getUI().ifPresent(ui -> ui.access(refresh::run));
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * Refreshes {@code view} whenever {@link #refreshAll()} is called while the view is attached: registers
     * on attach and removes the registration on detach, so a view closed by navigation is let go.
     */
    public void whileAttached(Component view, Runnable refresh) {
        Registration[] current = new Registration[1];
        if (view.isAttached()) {
            current[0] = add(view, refresh);
        }
        view.addAttachListener(e -> {
            if (current[0] == null) {
                current[0] = add(view, refresh);
            }
        });
        view.addDetachListener(e -> {
            if (current[0] != null) {
                current[0].remove();
                current[0] = null;
            }
        });
    }

    public void refreshAll() {
        listeners.forEach(Runnable::run);
    }
}
