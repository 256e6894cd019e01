package de.kontor.lead.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.Badges;
import de.kontor.base.ui.Formats;
import de.kontor.base.ui.Grids;
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
    private final Grid<ImportRecord> history = new Grid<>();

    LeadImportView(LeadService leads, ZoneId zone) {
        this.leads = leads;
        addClassName("kontor-view");
        setId("lead-import-view");
        ImportWizard wizard =
                new ImportWizard(LeadImportFields.ALL, leads::previewImport, leads::applyImport, summary -> refresh());
        history.setId("lead-imports");
        history.addColumn(ImportRecord::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(ImportRecord::fileName)
                .setHeader(getTranslation("lead.imports.file"))
                .setFlexGrow(1);
        history.addColumn(r -> Formats.dateTime(r.importedAt(), zone))
                .setHeader(getTranslation("lead.imports.when"))
                .setAutoWidth(true);
        history.addColumn(ImportRecord::importedBy)
                .setHeader(getTranslation("lead.imports.by"))
                .setAutoWidth(true);
        history.addColumn(r -> getTranslation("lead.imports.result", r.created(), r.updated(), r.skipped()))
                .setHeader(getTranslation("lead.imports.resultHeader"))
                .setAutoWidth(true);
        history.addComponentColumn(r -> {
                    if (r.undoneAt() != null) {
                        return Badges.of(getTranslation("lead.imports.undone"), Badges.Tone.NEUTRAL);
                    }
                    Button undo = new Button(getTranslation("lead.imports.undo"), e -> {
                        try {
                            int[] result = leads.undoImport(r.id());
                            Notifications.success(getTranslation("lead.imports.undo.done", result[0], result[1]));
                        } catch (DomainException ex) {
                            Notifications.error(getTranslation(ex.messageKey(), ex.args()));
                        }
                        refresh();
                    });
                    undo.setId("lead-import-undo-" + r.id());
                    undo.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                    return undo;
                })
                .setKey("undo")
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setFrozenToEnd(true);
        history.setAllRowsVisible(true);
        Grids.counted(history, getTranslation("lead.imports.empty"));
        add(wizard, new H3(getTranslation("lead.imports")), history);
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
