package de.kontor.customer.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.Confirmations;
import de.kontor.base.ui.ImportHistory;
import de.kontor.base.ui.ImportWizard;
import de.kontor.base.ui.LazyGrids;
import de.kontor.base.ui.Notifications;
import de.kontor.customer.CustomerImport;
import de.kontor.customer.CustomerImportFields;
import de.kontor.customer.CustomerService;
import de.kontor.customer.UndoResult;
import jakarta.annotation.security.RolesAllowed;

import java.time.ZoneId;
import java.util.Locale;

/** Import customers from CSV or Excel with a preview of every row, and undo earlier imports. */
@Route("customers/import")
@RolesAllowed("ADMIN")
class CustomerImportView extends Div implements HasDynamicTitle {

    private final CustomerService customers;
    private final Grid<CustomerImport> history;

    CustomerImportView(CustomerService customers, ZoneId zone) {
        this.customers = customers;
        addClassName("kontor-view");
        Locale locale = getLocale();
        history = ImportHistory.grid(
                "customer-imports",
                getTranslation("customer.imports.empty"),
                zone,
                i -> new ImportHistory.Run(
                        i.getId(),
                        i.getFileName(),
                        i.getImportedAt(),
                        i.getImportedBy(),
                        getTranslation(
                                "customer.imports.result.value",
                                i.getCreatedCount(),
                                i.getUpdatedCount(),
                                i.getSkippedCount()),
                        i.isUndone()),
                this::confirmUndo);
        history.setItems(LazyGrids.pages(customers::imports));
        history.setHeight("16rem");
        ImportWizard wizard = new ImportWizard(
                CustomerImportFields.ALL,
                (table, mapping) -> customers.previewImport(table, mapping, locale),
                (table, mapping, allOrNothing) -> customers.applyImport(table, mapping, allOrNothing, locale),
                summary -> history.getDataProvider().refreshAll());

        add(wizard, new H3(getTranslation("import.history")), history);
    }

    private void confirmUndo(CustomerImport record) {
        Confirmations.ask(
                "customer-import-undo-confirm",
                getTranslation("customer.imports.undo"),
                getTranslation("customer.imports.undo.confirm", record.getId()),
                getTranslation("customer.imports.undo"),
                true,
                () -> {
                    try {
                        UndoResult result = customers.undoImport(record.getId(), getLocale());
                        Notifications.success(getTranslation(
                                "customer.imports.undo.done",
                                result.removed(),
                                result.restored(),
                                result.skipped().size()));
                        result.skipped().forEach(Notifications::error);
                        history.getDataProvider().refreshAll();
                    } catch (DomainException ex) {
                        Notifications.error(getTranslation(ex.messageKey(), ex.args()));
                    }
                });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("customer.import") + " · " + getTranslation("menu.customers");
    }
}
