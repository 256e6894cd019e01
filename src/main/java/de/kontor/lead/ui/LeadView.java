package de.kontor.lead.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.Badges;
import de.kontor.base.ui.Confirmations;
import de.kontor.base.ui.FieldErrors;
import de.kontor.base.ui.Formats;
import de.kontor.base.ui.LazyGrids;
import de.kontor.base.ui.Notifications;
import de.kontor.lead.LeadModel.Activity;
import de.kontor.lead.LeadModel.ActivityDraft;
import de.kontor.lead.LeadModel.ActivityKind;
import de.kontor.lead.LeadModel.Contact;
import de.kontor.lead.LeadModel.ContactDraft;
import de.kontor.lead.LeadModel.DiffPart;
import de.kontor.lead.LeadModel.Institution;
import de.kontor.lead.LeadModel.Note;
import de.kontor.lead.LeadModel.NoteRevision;
import de.kontor.lead.LeadModel.Tag;
import de.kontor.lead.LeadService;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An institution: overview, contact persons, notes (with history, diff and restore), activities and the
 * timeline; convert to a customer, archive or restore.
 */
@Route("leads")
@RolesAllowed("ADMIN")
class LeadView extends Div implements HasUrlParameter<Long>, HasDynamicTitle {

    private final LeadService leads;
    private final ZoneId zone;
    private @Nullable Institution lead;

    LeadView(LeadService leads, ZoneId zone) {
        this.leads = leads;
        this.zone = zone;
        addClassName("kontor-view");
        setId("lead-view");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        lead = leads.get(id);
        render(0);
    }

    Institution lead() {
        if (lead == null) {
            throw new IllegalStateException("no lead shown");
        }
        return lead;
    }

    private void reload(int tab) {
        lead = leads.get(lead().id());
        render(tab);
    }

    private void render(int selectedTab) {
        Institution i = lead();
        removeAll();
        H2 title = new H2(i.name());
        title.setId("lead-title");
        Div header = new Div(
                title, Badges.of(getTranslation("lead.status." + i.status().name()), LeadsView.tone(i.status())));
        header.addClassName("kontor-toolbar");
        if (i.archivedAt() != null) {
            header.add(Badges.of(getTranslation("lead.archived"), Badges.Tone.ERROR));
        }
        Div spacer = new Div();
        spacer.addClassName("kontor-toolbar-spacer");
        header.add(spacer);
        Button edit = new Button(
                getTranslation("lead.edit"),
                VaadinIcon.EDIT.create(),
                e -> LeadEditor.open(this, leads, i, saved -> reload(0)));
        edit.setId("lead-edit");
        header.add(edit);
        if (i.customerId() == null) {
            Button convert =
                    new Button(getTranslation("lead.convert"), VaadinIcon.EXCHANGE.create(), e -> confirmConvert());
            convert.setId("lead-convert");
            convert.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            header.add(convert);
        } else {
            Anchor customer = new Anchor("customers/" + i.customerId(), getTranslation("lead.customer"));
            customer.setId("lead-customer-link");
            header.add(customer);
        }
        Button archive = new Button(getTranslation(i.archivedAt() == null ? "lead.archive" : "lead.restore"), e -> {
            if (i.archivedAt() == null) {
                leads.archive(i.id());
            } else {
                leads.restore(i.id());
            }
            reload(0);
        });
        archive.setId("lead-archive");
        archive.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        header.add(archive);
        add(header);

        TabSheet sheet = new TabSheet();
        sheet.setId("lead-tabs");
        sheet.add(getTranslation("lead.tab.overview"), overview(i));
        sheet.add(getTranslation("lead.tab.contacts"), contacts(i));
        sheet.add(getTranslation("lead.tab.notes"), notes(i));
        sheet.add(getTranslation("lead.tab.timeline"), timeline(i));
        sheet.setSelectedIndex(selectedTab);
        sheet.setWidthFull();
        add(sheet);
    }

    private Component overview(Institution i) {
        Div box = new Div();
        box.setId("lead-overview");
        row(box, "lead.field.type", getTranslation("lead.type." + i.type().name()));
        row(
                box,
                "lead.field.address",
                String.join(
                        ", ",
                        Arrays.stream(new String[] {
                                    i.street(),
                                    (i.postalCode() == null ? "" : i.postalCode() + " ")
                                            + (i.city() == null ? "" : i.city()),
                                    i.country()
                                })
                                .filter(s -> s != null && !s.isBlank())
                                .toList()));
        row(box, "lead.field.website", i.website());
        row(box, "lead.field.phone", i.phone());
        row(box, "lead.field.email", i.email());
        row(box, "lead.field.source", i.source());
        row(box, "lead.field.owner", i.owner());
        Div tagRow = new Div(new Span(getTranslation("lead.field.tags") + ": "));
        for (Tag t : i.tags()) {
            Span chip = new Span(t.name());
            chip.getStyle()
                    .set("background", t.color())
                    .set("color", "#fff")
                    .set("border-radius", "1em")
                    .set("padding", "0 0.6em")
                    .set("margin-right", "0.3em")
                    .set("font-size", "var(--lumo-font-size-s)");
            tagRow.add(chip);
        }
        if (!i.tags().isEmpty()) {
            box.add(tagRow);
        }
        row(box, "lead.field.created", Formats.dateTime(i.createdAt(), zone));
        return box;
    }

    private void row(Div box, String label, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Span l = new Span(getTranslation(label) + ": ");
        l.addClassName("kontor-muted");
        box.add(new Div(l, new Span(value)));
    }

    // ---- contacts ------------------------------------------------------------------------------------

    private Component contacts(Institution i) {
        Grid<Contact> grid = new Grid<>();
        grid.setId("lead-contacts");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(c -> c.name() + (c.primary() ? " ★" : ""))
                .setHeader(getTranslation("lead.field.contactName"))
                .setAutoWidth(true);
        grid.addColumn(c -> c.position() == null ? "" : c.position())
                .setHeader(getTranslation("lead.field.contactPosition"))
                .setAutoWidth(true);
        grid.addColumn(c -> c.email() == null ? "" : c.email())
                .setHeader(getTranslation("lead.field.email"))
                .setAutoWidth(true);
        grid.addColumn(c -> c.phone() == null ? "" : c.phone())
                .setHeader(getTranslation("lead.field.phone"))
                .setAutoWidth(true);
        grid.addComponentColumn(c -> {
                    Button edit = new Button(VaadinIcon.EDIT.create(), e -> contactDialog(i, c));
                    edit.setAriaLabel(getTranslation("lead.contact.edit"));
                    Button delete = new Button(VaadinIcon.TRASH.create(), e -> {
                        leads.deleteContact(i.id(), c.id());
                        reload(1);
                    });
                    delete.setAriaLabel(getTranslation("lead.contact.delete"));
                    delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
                    for (Button b : List.of(edit, delete)) {
                        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                    }
                    return new HorizontalLayout(edit, delete);
                })
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setKey("actions");
        grid.setItems(leads.contacts(i.id()));
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("lead.contacts.empty"));
        Button add =
                new Button(getTranslation("lead.contact.add"), VaadinIcon.PLUS.create(), e -> contactDialog(i, null));
        add.setId("lead-contact-add");
        return new Div(grid, add);
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
        Button save = new Button(getTranslation("action.save"), e -> {
            ContactDraft draft = new ContactDraft(
                    name.getValue(),
                    position.getValue(),
                    email.getValue(),
                    phone.getValue(),
                    notes.getValue(),
                    primary.getValue());
            try {
                if (existing == null) {
                    leads.addContact(i.id(), draft);
                } else {
                    leads.updateContact(i.id(), existing.id(), draft);
                }
                dialog.close();
                reload(1);
            } catch (DomainException ex) {
                FieldErrors.show(this, ex, Map.of("name", name, "email", email));
            }
        });
        save.setId("lead-contact-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    // ---- notes ---------------------------------------------------------------------------------------------

    private Component notes(Institution i) {
        Div box = new Div();
        box.setId("lead-notes");
        TextArea text = new TextArea(getTranslation("lead.note.new"));
        text.setId("lead-note-text");
        text.setWidthFull();
        Button add = new Button(getTranslation("lead.note.add"), e -> {
            try {
                leads.addNote(i.id(), text.getValue());
                reload(2);
            } catch (DomainException ex) {
                FieldErrors.show(this, ex, Map.of("text", text));
            }
        });
        add.setId("lead-note-add");
        box.add(text, add);
        for (Note n : leads.notes(i.id(), false)) {
            box.add(noteCard(n));
        }
        List<Note> archived = leads.notes(i.id(), true);
        if (!archived.isEmpty()) {
            Paragraph label = new Paragraph(getTranslation("lead.notes.archived", archived.size()));
            label.addClassName("kontor-muted");
            box.add(label);
            for (Note n : archived) {
                Button restore = new Button(getTranslation("lead.restore") + ": " + excerpt(n.text()), e -> {
                    leads.restoreNote(n.id());
                    reload(2);
                });
                restore.setId("lead-note-unarchive-" + n.id());
                restore.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                box.add(new Div(restore));
            }
        }
        return box;
    }

    private static String excerpt(String s) {
        return s.length() > 40 ? s.substring(0, 39) + "…" : s;
    }

    private Component noteCard(Note n) {
        Div card = new Div();
        card.setId("lead-note-" + n.id());
        card.addClassName("kontor-card");
        card.getStyle().set("margin", "var(--lumo-space-s) 0");
        Paragraph text = new Paragraph(n.text());
        text.getStyle().set("white-space", "pre-wrap");
        Span meta = new Span(
                getTranslation("lead.note.meta", n.updatedBy(), Formats.dateTime(n.updatedAt(), zone), n.revision()));
        meta.addClassName("kontor-muted");
        Button edit = new Button(getTranslation("lead.note.edit"), e -> editNote(n));
        edit.setId("lead-note-edit-" + n.id());
        Button history = new Button(getTranslation("lead.note.history"), e -> showHistory(n));
        history.setId("lead-note-history-" + n.id());
        history.setEnabled(n.revision() > 1);
        Button archive = new Button(getTranslation("lead.archive"), e -> {
            leads.archiveNote(n.id());
            reload(2);
        });
        archive.setId("lead-note-archive-" + n.id());
        for (Button b : List.of(edit, history, archive)) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        card.add(text, meta, new HorizontalLayout(edit, history, archive));
        return card;
    }

    void editNote(Note n) {
        Dialog dialog = new Dialog();
        dialog.setId("lead-note-dialog");
        dialog.setHeaderTitle(getTranslation("lead.note.edit"));
        TextArea text = new TextArea();
        text.setId("lead-note-edit-text");
        text.setValue(n.text());
        text.setWidth("36em");
        text.setMinHeight("10em");
        dialog.add(text);
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                leads.editNote(n.id(), n.revision(), text.getValue());
                dialog.close();
                reload(2);
            } catch (DomainException ex) {
                FieldErrors.show(this, ex, Map.of("text", text));
            }
        });
        save.setId("lead-note-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    /** Revisions with who and when; a readable diff between two; restore one as a new revision. */
    void showHistory(Note n) {
        Dialog dialog = new Dialog();
        dialog.setId("lead-note-history");
        dialog.setHeaderTitle(getTranslation("lead.note.history"));
        dialog.setWidth("48em");
        List<NoteRevision> revisions = leads.history(n.id());
        Select<NoteRevision> from = new Select<>();
        from.setId("lead-diff-from");
        from.setLabel(getTranslation("lead.diff.from"));
        Select<NoteRevision> to = new Select<>();
        to.setId("lead-diff-to");
        to.setLabel(getTranslation("lead.diff.to"));
        for (Select<NoteRevision> s : List.of(from, to)) {
            s.setItems(revisions);
            s.setItemLabelGenerator(r -> getTranslation(
                    "lead.note.revision", r.revision(), r.editedBy(), Formats.dateTime(r.editedAt(), zone)));
        }
        from.setValue(revisions.size() > 1 ? revisions.get(1) : revisions.get(0));
        to.setValue(revisions.get(0));
        Div diff = new Div();
        diff.setId("lead-diff");
        diff.getStyle()
                .set("white-space", "pre-wrap")
                .set("padding", "var(--lumo-space-s)")
                .set("background", "var(--lumo-contrast-5pct)")
                .set("border-radius", "var(--lumo-border-radius-m)");
        Runnable render = () -> {
            diff.removeAll();
            if (from.getValue() == null || to.getValue() == null) {
                return;
            }
            for (DiffPart part :
                    leads.diff(n.id(), from.getValue().revision(), to.getValue().revision())) {
                Span s = new Span(part.text());
                switch (part.kind()) {
                    case ADDED ->
                        s.getStyle()
                                .set("background", "var(--lumo-success-color-10pct)")
                                .set("color", "var(--lumo-success-text-color)");
                    case REMOVED ->
                        s.getStyle()
                                .set("background", "var(--lumo-error-color-10pct)")
                                .set("color", "var(--lumo-error-text-color)")
                                .set("text-decoration", "line-through");
                    default -> {}
                }
                s.getElement().setAttribute("data-kind", part.kind().name());
                diff.add(s);
            }
        };
        from.addValueChangeListener(e -> render.run());
        to.addValueChangeListener(e -> render.run());
        render.run();
        Button restore = new Button(getTranslation("lead.note.restoreRevision"), e -> {
            leads.restoreRevision(n.id(), from.getValue().revision());
            dialog.close();
            Notifications.success(
                    getTranslation("lead.note.restored", from.getValue().revision()));
            reload(2);
        });
        restore.setId("lead-note-restore");
        dialog.add(new HorizontalLayout(from, to), diff);
        dialog.getFooter().add(restore, new Button(getTranslation("action.close"), e -> dialog.close()));
        dialog.open();
    }

    // ---- activities and timeline ----------------------------------------------------------------------------

    private Component timeline(Institution i) {
        Select<ActivityKind> kind = new Select<>();
        kind.setId("lead-activity-kind");
        kind.setLabel(getTranslation("lead.activity.kind"));
        kind.setItems(Arrays.stream(ActivityKind.values())
                .filter(k -> k != ActivityKind.CHANGE)
                .toList());
        kind.setItemLabelGenerator(k -> getTranslation("lead.activity." + k.name()));
        kind.setValue(ActivityKind.CALL);
        TextField subject = new TextField(getTranslation("lead.activity.subject"));
        subject.setId("lead-activity-subject");
        DatePicker due = new DatePicker(getTranslation("lead.activity.due"));
        due.setId("lead-activity-due");
        Button add = new Button(getTranslation("lead.activity.add"), VaadinIcon.PLUS.create(), e -> {
            try {
                leads.addActivity(
                        i.id(), new ActivityDraft(kind.getValue(), subject.getValue(), null, due.getValue(), null));
                reload(3);
            } catch (DomainException ex) {
                FieldErrors.show(this, ex, Map.of("subject", subject, "dueDate", due));
            }
        });
        add.setId("lead-activity-add");
        Div form = new Div(kind, subject, due, add);
        form.addClassName("kontor-toolbar");
        form.getStyle().set("align-items", "baseline");

        Grid<Activity> grid = new Grid<>();
        grid.setId("lead-timeline");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(a -> Formats.dateTime(a.createdAt(), zone))
                .setHeader(getTranslation("lead.activity.when"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(a -> getTranslation("lead.activity." + a.kind().name()))
                .setHeader(getTranslation("lead.activity.kind"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(this::describe)
                .setHeader(getTranslation("lead.activity.subject"))
                .setFlexGrow(1)
                .setKey("subject");
        grid.addColumn(Activity::createdBy)
                .setHeader(getTranslation("lead.activity.by"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(a -> {
                    if (a.kind() != ActivityKind.TASK) {
                        return new Span();
                    }
                    Checkbox done = new Checkbox(a.dueDate() == null ? "" : Formats.date(a.dueDate()), a.done());
                    done.addValueChangeListener(e -> {
                        leads.setDone(a.id(), e.getValue());
                        reload(3);
                    });
                    return done;
                })
                .setHeader(getTranslation("lead.activity.task"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setItems(LazyGrids.pages(page -> leads.timeline(i.id(), page)));
        grid.setHeight("26rem");
        return new Div(form, grid);
    }

    /** A timeline entry as text; automatic entries are message keys with arguments. */
    String describe(Activity a) {
        if (a.kind() != ActivityKind.CHANGE) {
            return a.subject();
        }
        String[] parts = a.subject().split("\\|", -1);
        Object[] args = Arrays.copyOfRange(parts, 1, parts.length);
        for (int k = 0; k < args.length; k++) {
            String arg = (String) args[k];
            if (arg.matches("NEW|CONTACTED|QUALIFIED|WON|LOST")) {
                args[k] = getTranslation("lead.status." + arg);
            }
        }
        return getTranslation(parts[0], args);
    }

    private void confirmConvert() {
        Confirmations.ask(
                "lead-convert-confirm",
                getTranslation("lead.convert"),
                getTranslation("lead.convert.confirm", lead().name()),
                getTranslation("lead.convert"),
                false,
                () -> {
                    try {
                        var customer = leads.convertToCustomer(lead().id());
                        Notifications.success(getTranslation("lead.converted", customer.getNumber()));
                    } catch (DomainException ex) {
                        Notifications.error(getTranslation(ex.messageKey(), ex.args()));
                    }
                    reload(0);
                });
    }

    @Override
    public String getPageTitle() {
        return lead == null ? getTranslation("menu.leads") : lead.name() + " · " + getTranslation("menu.leads");
    }
}
