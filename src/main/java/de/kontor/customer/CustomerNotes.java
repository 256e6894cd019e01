package de.kontor.customer;

import de.kontor.base.CurrentUser;
import de.kontor.base.audit.AuditService;
import de.kontor.base.error.DomainException;
import de.kontor.base.notes.NoteRevision;
import de.kontor.base.notes.RevisedNotes;
import de.kontor.customer.CustomerJournal.Activity;
import de.kontor.customer.CustomerJournal.ActivityDraft;
import de.kontor.customer.CustomerJournal.Note;
import de.kontor.customer.CustomerJournal.TimelineEntry;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A customer's notes, whose every edit is kept (the previous text becomes a revision; archiving instead of
 * deleting), and its activities (calls, e-mails, meetings, tasks that get done). Each change has its audit
 * entry; callers hold the transaction.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class CustomerNotes {

    private static final String NOTE = "select id, customer_id, text, revision, created_by, created_at, updated_by, "
            + "updated_at, archived_at is not null as archived from customer_note ";
    private static final String ACTIVITY = "select id, customer_id, kind, subject, details, due_date, done, done_at, "
            + "done_by, created_by, created_at from customer_activity ";

    private final JdbcClient jdbc;
    private final AuditService audit;
    private final Clock clock;
    private final RevisedNotes revised;

    CustomerNotes(JdbcClient jdbc, AuditService audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.revised = new RevisedNotes(
                jdbc, "customer_note", "customer_id", CustomerService.MODULE, CustomerJournal.NOTE_MAX);
    }

    private static String me() {
        return CurrentUser.username().orElse(AuditService.SYSTEM_USER);
    }

    List<Note> notes(long customerId, boolean archived) {
        return jdbc.sql(NOTE + "where customer_id = ? and archived_at is " + (archived ? "not null" : "null")
                        + " order by updated_at desc, id desc")
                .param(customerId)
                .query(Note.class)
                .list();
    }

    Note note(long id) {
        return jdbc.sql(NOTE + "where id = ?")
                .param(id)
                .query(Note.class)
                .optional()
                .orElseThrow(() -> DomainException.notFound("NOTE_NOT_FOUND", "customer.note.notFound", id));
    }

    Note addNote(long customerId, @Nullable String text) {
        String t = revised.text(text);
        long id = revised.add(customerId, t, me(), clock.instant());
        audit.record(CustomerService.MODULE, "CustomerNote", id, "CREATE", "Note added: " + excerpt(t));
        return note(id);
    }

    /** A new revision; the previous text is kept with who wrote it and when. */
    Note editNote(long id, int expectedRevision, @Nullable String text) {
        String t = revised.text(text);
        Note n = note(id);
        if (!revised.edit(n, expectedRevision, t, me(), clock.instant())) {
            return n;
        }
        audit.record(CustomerService.MODULE, "CustomerNote", id, "UPDATE", "Note edited: " + excerpt(t));
        return note(id);
    }

    /** Every text the note had, newest first, the current one included. */
    List<NoteRevision> history(long id) {
        return revised.history(note(id));
    }

    Note archiveNote(long id, boolean archived) {
        Note n = note(id);
        revised.archive(id, archived ? clock.instant() : null);
        audit.record(
                CustomerService.MODULE,
                "CustomerNote",
                id,
                archived ? "ARCHIVE" : "RESTORE",
                (archived ? "Note archived: " : "Note restored: ") + excerpt(n.text()));
        return note(id);
    }

    List<Activity> activities(long customerId) {
        return jdbc.sql(ACTIVITY + "where customer_id = ? order by done, coalesce(due_date, '9999-12-31'), "
                        + "created_at desc")
                .param(customerId)
                .query(Activity.class)
                .list();
    }

    Activity activity(long id) {
        return jdbc.sql(ACTIVITY + "where id = ?")
                .param(id)
                .query(Activity.class)
                .optional()
                .orElseThrow(() -> DomainException.notFound("ACTIVITY_NOT_FOUND", "customer.activity.notFound", id));
    }

    Activity addActivity(long customerId, ActivityDraft draft) {
        if (draft.kind() == null) {
            throw DomainException.invalidField("kind", "KIND_REQUIRED", "customer.activity.kindRequired");
        }
        String subject = draft.subject() == null ? "" : draft.subject().strip();
        if (subject.isEmpty() || subject.length() > CustomerJournal.SUBJECT_MAX) {
            throw DomainException.invalidField(
                    "subject", "SUBJECT_REQUIRED", "customer.activity.subjectRequired", CustomerJournal.SUBJECT_MAX);
        }
        String details = draft.details() == null || draft.details().isBlank()
                ? null
                : draft.details().strip();
        if (details != null && details.length() > CustomerJournal.NOTE_MAX) {
            throw DomainException.invalidField(
                    "details", "TEXT_TOO_LONG", "customer.note.tooLong", CustomerJournal.NOTE_MAX);
        }
        long id = insert(jdbc.sql("insert into customer_activity (customer_id, kind, subject, details, due_date, "
                        + "created_by, created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(customerId, draft.kind().name(), subject, details, draft.dueDate(), me(), clock.instant()));
        audit.record(
                CustomerService.MODULE, "CustomerActivity", id, "CREATE", draft.kind() + " added: " + excerpt(subject));
        return activity(id);
    }

    /** Ticks an activity off (or back on). */
    Activity setDone(long id, boolean done) {
        Activity a = jdbc.sql(ACTIVITY + "where id = ? for update")
                .param(id)
                .query(Activity.class)
                .optional()
                .orElseThrow(() -> DomainException.notFound("ACTIVITY_NOT_FOUND", "customer.activity.notFound", id));
        if (a.done() == done) {
            return a;
        }
        jdbc.sql("update customer_activity set done = ?, done_at = ?, done_by = ? where id = ?")
                .params(done, done ? clock.instant() : null, done ? me() : null, id)
                .update();
        audit.record(
                CustomerService.MODULE,
                "CustomerActivity",
                id,
                done ? "DONE" : "REOPEN",
                a.kind() + (done ? " done: " : " reopened: ") + excerpt(a.subject()));
        return activity(id);
    }

    /** The notes and activities as timeline lines: written, edited, archived; planned and done. */
    List<TimelineEntry> timeline(long customerId, int limit) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (Note n : jdbc.sql(NOTE + "where customer_id = ? order by updated_at desc limit ?")
                .params(customerId, limit)
                .query(Note.class)
                .list()) {
            entries.add(new TimelineEntry(
                    n.createdAt(), n.createdBy(), "customer.timeline.kind.note", excerpt(n.text()), "CREATE", null));
            if (n.revision() > 1) {
                entries.add(new TimelineEntry(
                        n.updatedAt(),
                        n.updatedBy(),
                        "customer.timeline.kind.note",
                        excerpt(n.text()),
                        "UPDATE",
                        null));
            }
        }
        for (Activity a : jdbc.sql(ACTIVITY + "where customer_id = ? order by created_at desc limit ?")
                .params(customerId, limit)
                .query(Activity.class)
                .list()) {
            String kind = "customer.activity.kind." + a.kind().name();
            entries.add(new TimelineEntry(a.createdAt(), a.createdBy(), kind, a.subject(), "CREATE", null));
            if (a.done() && a.doneAt() != null) {
                entries.add(new TimelineEntry(
                        a.doneAt(), a.doneBy() != null ? a.doneBy() : a.createdBy(), kind, a.subject(), "DONE", null));
            }
        }
        return entries;
    }

    private long insert(JdbcClient.StatementSpec insert) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        insert.update(key);
        return key.getKeyAs(Number.class).longValue();
    }

    static String excerpt(String text) {
        return RevisedNotes.excerpt(text);
    }
}
