package de.kontor.lead.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import de.kontor.base.error.DomainException;
import de.kontor.base.notes.NoteRevision;
import de.kontor.base.ui.Dialogs;
import de.kontor.base.ui.FieldErrors;
import de.kontor.base.ui.Formats;
import de.kontor.base.ui.Notifications;
import de.kontor.lead.LeadModel.DiffPart;
import de.kontor.lead.LeadModel.Institution;
import de.kontor.lead.LeadModel.Note;
import de.kontor.lead.LeadService;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** A lead's notes: add, edit (each edit kept), history with a readable diff, restore, archive. */
class LeadNotesTab extends Div {

    private final LeadService leads;
    private final ZoneId zone;
    private final Runnable reload;

    LeadNotesTab(LeadService leads, ZoneId zone, Institution i, Runnable reload) {
        this.leads = leads;
        this.zone = zone;
        this.reload = reload;
        Div box = new Div();
        box.setId("lead-notes");
        TextArea text = new TextArea(getTranslation("lead.note.new"));
        text.setId("lead-note-text");
        text.setWidthFull();
        Button add = new Button(getTranslation("lead.note.add"), e -> {
            try {
                leads.addNote(i.id(), text.getValue());
                reload.run();
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
                    reload.run();
                });
                restore.setId("lead-note-unarchive-" + n.id());
                restore.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                box.add(new Div(restore));
            }
        }
        add(box);
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
            reload.run();
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
        Dialogs.footer(
                dialog,
                "lead-note-save",
                getTranslation("action.save"),
                () -> {
                    leads.editNote(n.id(), n.revision(), text.getValue());
                    reload.run();
                },
                Map.of("text", text));
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
            reload.run();
        });
        restore.setId("lead-note-restore");
        dialog.add(new HorizontalLayout(from, to), diff);
        dialog.getFooter().add(restore, new Button(getTranslation("action.close"), e -> dialog.close()));
        dialog.open();
    }
}
