package de.kontor.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.shared.Registration;
import de.kontor.base.db.DatabaseCheck;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Shown instead of a page whose data could not be read because the database is unavailable (the pool
 * found no connection in time; Vaadin finds this view by the cause). It says so, and reloads the page by
 * itself once the database answers again, so nobody has to guess when to retry. Without the main layout:
 * it also stands in for public pages (kiosk, registration).
 */
@AnonymousAllowed
class DatabaseUnavailableView extends ErrorPageContent implements HasErrorParameter<SQLTransientConnectionException> {

    static final int POLL_MILLIS = 5000;
    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableView.class);

    private final DatabaseCheck database;
    private final AtomicBoolean checking = new AtomicBoolean();
    private @Nullable Registration polling;

    DatabaseUnavailableView(DatabaseCheck database) {
        this.database = database;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<SQLTransientConnectionException> parameter) {
        log.warn("Page {} not shown: database unavailable", event.getLocation().getPath());
        show("database.unavailable.title", getTranslation("database.unavailable.text"));
        Button retry = new Button(getTranslation("database.unavailable.retry"), VaadinIcon.REFRESH.create());
        retry.setId("database-unavailable-retry");
        retry.addClickListener(e -> reload());
        add(retry);
        return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        ui.setPollInterval(POLL_MILLIS);
        polling = ui.addPollListener(e -> checkInBackground(ui));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        event.getUI().setPollInterval(-1);
    }

    /** The check may wait seconds for a connection: not while holding the session. */
    private void checkInBackground(UI ui) {
        if (!checking.compareAndSet(false, true)) {
            return;
        }
        Thread.ofVirtual().name("database-unavailable-check").start(() -> {
            try {
                if (database.reachable()) {
                    ui.access(this::reload);
                }
            } finally {
                checking.set(false);
            }
        });
    }

    private void reload() {
        getUI().ifPresent(ui -> ui.getPage().reload());
    }
}
