package de.kontor.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLTransientConnectionException;

/** A page whose data cannot be read, as every page's while the database is unavailable. */
@Route("test-database-down")
@PermitAll
class DatabaseDownTestView extends Div implements BeforeEnterObserver {

    static CannotCreateTransactionException outage() {
        return new CannotCreateTransactionException(
                "Could not open JPA EntityManager for transaction",
                new SQLTransientConnectionException(
                        "kontor - Connection is not available, request timed out after 3000ms"));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        throw outage();
    }
}
