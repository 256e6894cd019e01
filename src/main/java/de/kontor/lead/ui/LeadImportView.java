package de.kontor.lead.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.ImportHistory;
import de.kontor.base.ui.ImportWizard;
import de.kontor.base.ui.Notifications;
import de.kontor.lead.LeadImportFields;
import de.kontor.lead.LeadModel.ImportRecord;
import de.kontor.lead.LeadService;
import jakarta.annotation.security.RolesAllowed;

import java.time.ZoneId;

/** Import leads from CSV or Excel with a preview of every row; undo earlier imports. */
@Route("leads/import")
@RolesAllowed("ADMIN")
class LeadImportView extends Div implements HasDynamicTitle {

    private final LeadService leads;
    private final Grid<ImportRecord> history;

    LeadImportView(LeadService leads, ZoneId zone) {
        this.leads = leads;
        addClassName("kontor-view");
        setId("lead-import-view");
        ImportWizard wizard =
                new ImportWizard(LeadImportFields.ALL, leads::previewImport, leads::applyImport, summary -> refresh());
        history = ImportHistory.grid(
                "lead-imports",
                getTranslation("lead.imports.empty"),
                zone,
                r -> new ImportHistory.Run(
                        r.id(),
                        r.fileName(),
                        r.importedAt(),
                        r.importedBy(),
                        getTranslation("lead.imports.result", r.created(), r.updated(), r.skipped()),
                        r.undoneAt() != null),
                this::undo);
        history.setAllRowsVisible(true);
        add(wizard, new H3(getTranslation("import.history")), history);
        refresh();
    }

    private void undo(ImportRecord record) {
        try {
            int[] result = leads.undoImport(record.id());
            Notifications.success(getTranslation("lead.imports.undo.done", result[0], result[1]));
        } catch (DomainException ex) {
            Notifications.error(getTranslation(ex.messageKey(), ex.args()));
        }
        refresh();
    }

    private void refresh() {
        history.setItems(leads.imports());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("lead.import") + " · " + getTranslation("menu.leads");
    }
}
