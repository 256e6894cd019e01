package de.kontor.customer.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.Badges;
import de.kontor.base.ui.Confirmations;
import de.kontor.base.ui.Formats;
import de.kontor.base.ui.Grids;
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
    private final Grid<CustomerImport> history = new Grid<>();

    CustomerImportView(CustomerService customers, ZoneId zone) {
        this.customers = customers;
        addClassName("kontor-view");
        Locale locale = getLocale();
        ImportWizard wizard = new ImportWizard(
                CustomerImportFields.ALL,
                (table, mapping) -> customers.previewImport(table, mapping, locale),
                (table, mapping, allOrNothing) -> customers.applyImport(table, mapping, allOrNothing, locale),
                summary -> history.getDataProvider().refreshAll());

        history.setId("customer-imports");
        history.addColumn(CustomerImport::getId)
                .setHeader("#")
                .setAutoWidth(true)
                .setFlexGrow(0);
        history.addColumn(CustomerImport::getFileName)
                .setHeader(getTranslation("customer.imports.file"))
                .setFlexGrow(1);
        history.addColumn(i -> Formats.dateTime(i.getImportedAt(), zone))
                .setHeader(getTranslation("customer.imports.when"))
                .setAutoWidth(true);
        history.addColumn(CustomerImport::getImportedBy)
                .setHeader(getTranslation("customer.imports.by"))
                .setAutoWidth(true);
        history.addColumn(i -> getTranslation(
                        "customer.imports.result.value", i.getCreatedCount(), i.getUpdatedCount(), i.getSkippedCount()))
                .setHeader(getTranslation("customer.imports.result"))
                .setAutoWidth(true);
        history.addComponentColumn(i -> {
                    if (i.isUndone()) {
                        return Badges.of(getTranslation("customer.imports.undone"), Badges.Tone.NEUTRAL);
                    }
                    Button undo = new Button(getTranslation("customer.imports.undo"), e -> confirmUndo(i));
                    undo.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                    return undo;
                })
                .setKey("undo")
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setFrozenToEnd(true);
        history.setItems(LazyGrids.pages(customers::imports));
        Grids.counted(history, getTranslation("customer.imports.empty"));
        history.setHeight("16rem");

        add(wizard, new H3(getTranslation("customer.imports")), history);
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
