package de.kontor.lead.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import de.kontor.base.ui.Dialogs;
import de.kontor.base.ui.Grids;
import de.kontor.lead.LeadModel.Contact;
import de.kontor.lead.LeadModel.ContactDraft;
import de.kontor.lead.LeadModel.Institution;
import de.kontor.lead.LeadService;
import org.jspecify.annotations.Nullable;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** The contact persons of a lead: list, add, change, remove; the primary one is starred. */
class LeadContactsTab extends Div {

    private final LeadService leads;
    private final ZoneId zone;
    private final Runnable reload;

    LeadContactsTab(LeadService leads, ZoneId zone, Institution i, Runnable reload) {
        this.leads = leads;
        this.zone = zone;
        this.reload = reload;
        Grid<Contact> grid = new Grid<>();
        grid.setId("lead-contacts");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        Grids.name(
                grid.addColumn(c -> c.name() + (c.primary() ? " ★" : ""))
                        .setHeader(getTranslation("lead.field.contactName")),
                "10rem");
        Grids.text(grid, c -> c.position() == null ? "" : c.position(), "8rem")
                .setHeader(getTranslation("lead.field.contactPosition"));
        Grids.text(grid, c -> c.email() == null ? "" : c.email(), "10rem")
                .setHeader(getTranslation("lead.field.email"));
        Grids.key(
                grid.addColumn(c -> c.phone() == null ? "" : c.phone()).setHeader(getTranslation("lead.field.phone")));
        Grids.actions(grid.addComponentColumn(c -> {
                    Button edit = new Button(VaadinIcon.EDIT.create(), e -> contactDialog(i, c));
                    edit.setAriaLabel(getTranslation("lead.contact.edit"));
                    Button delete = new Button(VaadinIcon.TRASH.create(), e -> {
                        leads.deleteContact(i.id(), c.id());
                        reload.run();
                    });
                    delete.setAriaLabel(getTranslation("lead.contact.delete"));
                    delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
                    for (Button b : List.of(edit, delete)) {
                        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                    }
                    return new HorizontalLayout(edit, delete);
                })
                .setKey("actions"));
        grid.setItems(leads.contacts(i.id()));
        grid.setAllRowsVisible(true);
        Grids.counted(grid, getTranslation("lead.contacts.empty"));
        Button add =
                new Button(getTranslation("lead.contact.add"), VaadinIcon.PLUS.create(), e -> contactDialog(i, null));
        add.setId("lead-contact-add");
        add(new Div(grid, add));
    }

    void contactDialog(Institution i, @Nullable Contact existing) {
        Dialog dialog = new Dialog();
        dialog.setId("lead-contact-dialog");
        dialog.setHeaderTitle(getTranslation(existing == null ? "lead.contact.add" : "lead.contact.edit"));
        TextField name = new TextField(getTranslation("lead.field.contactName"));
        name.setId("lead-contact-name");
        TextField position = new TextField(getTranslation("lead.field.contactPosition"));
        TextField email = new TextField(getTranslation("lead.field.email"));
        email.setId("lead-contact-email");
        TextField phone = new TextField(getTranslation("lead.field.phone"));
        TextArea notes = new TextArea(getTranslation("lead.field.notes"));
        Checkbox primary = new Checkbox(
                getTranslation("lead.field.primary"),
                existing == null ? leads.contacts(i.id()).isEmpty() : existing.primary());
        primary.setId("lead-contact-primary");
        if (existing != null) {
            name.setValue(existing.name());
            position.setValue(existing.position() == null ? "" : existing.position());
            email.setValue(existing.email() == null ? "" : existing.email());
            phone.setValue(existing.phone() == null ? "" : existing.phone());
            notes.setValue(existing.notes() == null ? "" : existing.notes());
        }
        dialog.add(new FormLayout(name, position, email, phone, notes, primary));
        Dialogs.footer(
                dialog,
                "lead-contact-save",
                getTranslation("action.save"),
                () -> {
                    ContactDraft draft = new ContactDraft(
                            name.getValue(),
                            position.getValue(),
                            email.getValue(),
                            phone.getValue(),
                            notes.getValue(),
                            primary.getValue());
                    if (existing == null) {
                        leads.addContact(i.id(), draft);
                    } else {
                        leads.updateContact(i.id(), existing.id(), draft);
                    }
                    reload.run();
                },
                Map.of("name", name, "email", email));
        dialog.open();
    }
}
