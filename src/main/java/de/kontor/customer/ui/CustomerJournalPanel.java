package de.kontor.customer.ui;

import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import de.kontor.base.CurrentUser;
import de.kontor.base.error.ConcurrentChangeException;
import de.kontor.base.error.DomainException;
import de.kontor.base.notes.NoteRevision;
import de.kontor.base.ui.Badges;
import de.kontor.base.ui.Dialogs;
import de.kontor.base.ui.FieldErrors;
import de.kontor.base.ui.Formats;
import de.kontor.base.ui.Notifications;
import de.kontor.customer.CustomerJournal;
import de.kontor.customer.CustomerJournal.Activity;
import de.kontor.customer.CustomerJournal.ActivityDraft;
import de.kontor.customer.CustomerJournal.ActivityKind;
import de.kontor.customer.CustomerJournal.Note;
import de.kontor.customer.CustomerService;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * A customer's notes (every edit kept, history one click away, archived instead of deleted) and activities
 * (calls, e-mails, meetings, tasks with a due date, ticked off when done). Viewers read; admins write.
 */
class CustomerJournalPanel extends Div {

    private final CustomerService customers;
    private final long customerId;
    private final ZoneId zone;
    private final Clock clock;
    private final Runnable changed;
    private final boolean canWrite = CurrentUser.hasRole("ADMIN");
    private final Div notes = new Div();
    private final Div activities = new Div();

    /** {@code changed}: after every change (the page refreshes its timeline). */
    CustomerJournalPanel(CustomerService customers, long customerId, ZoneId zone, Clock clock, Runnable changed) {
        this.customers = customers;
        this.customerId = customerId;
        this.zone = zone;
        this.clock = clock;
        this.changed = changed;
        addClassName("kontor-journal");
        setId("customer-journal");

        Div notesColumn = new Div(new H3(getTranslation("customer.notes.title")));
        notesColumn.addClassName("kontor-journal-column");
        if (canWrite) {
            notesColumn.add(newNote());
        }
        notes.setId("customer-notes-list");
        notesColumn.add(notes);

        Div activityColumn = new Div(new H3(getTranslation("customer.activities")));
        activityColumn.addClassName("kontor-journal-column");
        if (canWrite) {
            activityColumn.add(newActivity());
        }
        activities.setId("customer-activities");
        activityColumn.add(activities);
        add(notesColumn, activityColumn);
        refresh();
    }

    void refresh() {
        notes.removeAll();
        for (Note n : customers.notes(customerId, false)) {
            notes.add(note(n));
        }
        if (notes.getComponentCount() == 0) {
            notes.add(muted(getTranslation("customer.notes.empty")));
        }
        activities.removeAll();
        for (Activity a : customers.activities(customerId)) {
            activities.add(activity(a));
        }
        if (activities.getComponentCount() == 0) {
            activities.add(muted(getTranslation("customer.activities.empty")));
        }
    }

    private Component newNote() {
        TextArea text = new TextArea();
        text.setId("customer-note-text");
        text.setPlaceholder(getTranslation("customer.note.placeholder"));
        text.setMaxLength(CustomerJournal.NOTE_MAX);
        text.setWidthFull();
        Button add = new Button(getTranslation("customer.note.add"), VaadinIcon.PLUS.create());
        add.setId("customer-note-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        add.addClickListener(e -> act(
                () -> {
                    customers.addNote(customerId, text.getValue());
                    text.clear();
                    text.setInvalid(false);
                },
                Map.of("text", text)));
        Div box = new Div(text, add);
        box.addClassName("kontor-journal-new");
        return box;
    }

    private Component note(Note n) {
        Paragraph text = new Paragraph(n.text());
        text.addClassName("kontor-journal-text");
        Span meta = muted(getTranslation(
                "customer.note.meta", n.updatedBy(), Formats.dateTime(n.updatedAt(), zone), n.revision()));
        Div card = new Div(text, meta);
        card.addClassName("kontor-journal-card");
        card.setId("customer-note-" + n.id());
        Div actions = new Div();
        actions.addClassName("kontor-journal-actions");
        if (n.revision() > 1) {
            Button history = small(getTranslation("customer.note.history"), e -> openHistory(n));
            history.setId("customer-note-history-" + n.id());
            actions.add(history);
        }
        if (canWrite) {
            Button edit = small(getTranslation("customer.note.edit"), e -> openEdit(n));
            edit.setId("customer-note-edit-" + n.id());
            Button archive = small(
                    getTranslation("customer.note.archive"),
                    e -> act(() -> customers.archiveNote(n.id(), true), Map.of()));
            archive.setId("customer-note-archive-" + n.id());
            actions.add(edit, archive);
        }
        card.add(actions);
        return card;
    }

    private void openEdit(Note n) {
        Dialog dialog = new Dialog();
        dialog.setId("customer-note-dialog");
        dialog.setHeaderTitle(getTranslation("customer.note.edit"));
        dialog.setWidth("min(40rem, 96vw)");
        TextArea text = new TextArea();
        text.setId("customer-note-edit-text");
        text.setValue(n.text());
        text.setMaxLength(CustomerJournal.NOTE_MAX);
        text.setWidthFull();
        text.setMinHeight("8rem");
        dialog.add(text);
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                customers.editNote(n.id(), n.revision(), text.getValue());
                dialog.close();
                refresh();
                changed.run();
            } catch (ConcurrentChangeException ex) {
                Notifications.error(getTranslation("customer.note.changedMeanwhile"));
                dialog.close();
                refresh();
            } catch (DomainException ex) {
                FieldErrors.show(this, ex, Map.of("text", text));
            }
        });
        save.setId("customer-note-save");
        Dialogs.footer(dialog, save);
        dialog.open();
    }

    private void openHistory(Note n) {
        Dialog dialog = new Dialog();
        dialog.setId("customer-note-history");
        dialog.setHeaderTitle(getTranslation("customer.note.history"));
        dialog.setWidth("min(40rem, 96vw)");
        for (NoteRevision r : customers.noteHistory(n.id())) {
            Paragraph text = new Paragraph(r.text());
            text.addClassName("kontor-journal-text");
            Div entry = new Div(
                    muted(getTranslation(
                            "customer.note.meta", r.editedBy(), Formats.dateTime(r.editedAt(), zone), r.revision())),
                    text);
            entry.addClassName("kontor-journal-card");
            dialog.add(entry);
        }
        dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()));
        dialog.open();
    }

    private Component newActivity() {
        Select<ActivityKind> kind = new Select<>();
        kind.setId("customer-activity-kind");
        kind.setItems(ActivityKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("customer.activity.kind." + k.name()));
        kind.setValue(ActivityKind.CALL);
        kind.setWidth("9rem");
        TextField subject = new TextField();
        subject.setId("customer-activity-subject");
        subject.setPlaceholder(getTranslation("customer.activity.subject"));
        subject.setMaxLength(CustomerJournal.SUBJECT_MAX);
        DatePicker due = new DatePicker();
        due.setId("customer-activity-due");
        due.setPlaceholder(getTranslation("customer.activity.due"));
        due.setWidth("9.5rem");
        Button add = new Button(VaadinIcon.PLUS.create());
        add.setId("customer-activity-add");
        add.setAriaLabel(getTranslation("customer.activity.add"));
        add.setTooltipText(getTranslation("customer.activity.add"));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> act(
                () -> {
                    customers.addActivity(
                            customerId, new ActivityDraft(kind.getValue(), subject.getValue(), null, due.getValue()));
                    subject.clear();
                    subject.setInvalid(false);
                    due.clear();
                },
                Map.of("subject", subject, "kind", kind)));
        Div row = new Div(kind, subject, due, add);
        row.addClassName("kontor-journal-new-activity");
        return row;
    }

    private Component activity(Activity a) {
        Checkbox done = new Checkbox(a.done());
        done.setId("customer-activity-done-" + a.id());
        done.setAriaLabel(getTranslation("customer.activity.done"));
        done.setEnabled(canWrite);
        done.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                act(() -> customers.setActivityDone(a.id(), e.getValue()), Map.of());
            }
        });
        Span subject = new Span(a.subject());
        subject.addClassName("kontor-journal-subject");
        Div line = new Div(
                done,
                Badges.of(getTranslation("customer.activity.kind." + a.kind().name()), Badges.Tone.NEUTRAL),
                subject);
        line.addClassName("kontor-journal-activity");
        line.setId("customer-activity-" + a.id());
        if (a.done()) {
            line.addClassName("done");
        }
        if (a.dueDate() != null) {
            boolean overdue = !a.done() && a.dueDate().isBefore(LocalDate.ofInstant(clock.instant(), zone));
            Span due = new Span(getTranslation("customer.activity.dueOn", Formats.date(a.dueDate())));
            due.addClassName(overdue ? "kontor-journal-overdue" : "kontor-muted");
            line.add(due);
        }
        line.add(muted(a.createdBy()));
        return line;
    }

    private void act(Runnable action, Map<String, ? extends HasValidation> fields) {
        try {
            action.run();
            refresh();
            changed.run();
        } catch (DomainException ex) {
            if (fields.isEmpty()) {
                Notifications.error(getTranslation(ex.messageKey(), ex.args()));
            } else {
                FieldErrors.show(this, ex, fields);
            }
        }
    }

    private static Button small(String text, ComponentEventListener<ClickEvent<Button>> listener) {
        Button b = new Button(text, listener);
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return b;
    }

    private static Span muted(String text) {
        Span s = new Span(text);
        s.addClassName("kontor-muted");
        return s;
    }
}
