package de.kontor.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import de.kontor.base.db.DatabaseUnavailable;
import de.kontor.base.error.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * The one place where unhandled UI errors end: the user sees what went wrong and what to do, the log
 * gets the stack trace (with a reference the user can quote). An unreachable database is no bug: the user
 * is told that Kontor keeps reconnecting and to try again in a moment.
 */
@Component
class KontorErrorHandler implements ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(KontorErrorHandler.class);

    @Override
    public void error(ErrorEvent event) {
        Throwable error = event.getThrowable();
        UI ui = UI.getCurrent();
        DomainException domain = find(error, DomainException.class);
        String message;
        if (domain != null) {
            log.debug("Business rule in the UI: {}", domain.getMessage());
            message = ui == null ? domain.messageKey() : ui.getTranslation(domain.messageKey(), domain.args());
        } else if (find(error, ObjectOptimisticLockingFailureException.class) != null) {
            message = ui == null ? "changed meanwhile" : ui.getTranslation("error.concurrentChange");
        } else if (find(error, AccessDeniedException.class) != null) {
            message = ui == null ? "forbidden" : ui.getTranslation("error.forbidden");
        } else if (DatabaseUnavailable.isCause(error)) {
            // One line per failure: the outage itself is logged by the pool and the supervisor.
            log.warn("UI action while the database is unavailable: {}", error.toString());
            message = ui == null ? "database unavailable" : ui.getTranslation("error.databaseUnavailable");
        } else {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("Unexpected error in the UI (reference {})", reference, error);
            message = ui == null ? "error " + reference : ui.getTranslation("error.unexpected", reference);
        }
        if (ui != null) {
            ui.access(() -> Notifications.error(message));
        }
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
