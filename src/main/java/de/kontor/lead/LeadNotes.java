package de.kontor.lead;

import de.kontor.base.audit.AuditService;
import de.kontor.base.error.DomainException;
import de.kontor.base.notes.NoteRevision;
import de.kontor.base.notes.RevisedNotes;
import de.kontor.lead.LeadModel.DiffPart;
import de.kontor.lead.LeadModel.Note;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Notes whose every edit is kept: an edit stores the previous text as a revision, revisions can be
 * compared word by word and restored (as a new revision), notes are archived instead of deleted.
 * Callers hold the transaction.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class LeadNotes {

    static final int TEXT_MAX = 20_000;
    private static final String SELECT = "select id, institution_id, text, revision, created_by, created_at, "
            + "updated_by, updated_at, archived_at is not null as archived from lead_note ";

    private final JdbcClient jdbc;
    private final LeadTimeline timeline;
    private final AuditService audit;
    private final Clock clock;
    private final RevisedNotes revised;

    LeadNotes(JdbcClient jdbc, LeadTimeline timeline, AuditService audit, Clock clock) {
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.audit = audit;
        this.clock = clock;
        this.revised = new RevisedNotes(jdbc, "lead_note", "institution_id", LeadService.MODULE, TEXT_MAX);
    }

    List<Note> of(long institutionId, boolean archived) {
        return jdbc.sql(SELECT + "where institution_id = ? and archived_at is " + (archived ? "not null" : "null")
                        + " order by updated_at desc")
                .param(institutionId)
                .query(Note.class)
                .list();
    }

    Note note(long noteId) {
        return jdbc.sql(SELECT + "where id = ?")
                .param(noteId)
                .query(Note.class)
                .optional()
                .orElseThrow(() -> DomainException.notFound("NOTE_NOT_FOUND", "lead.note.notFound", noteId));
    }

    Note add(long institutionId, @Nullable String text) {
        String t = revised.text(text);
        long id = revised.add(institutionId, t, LeadTimeline.me(), clock.instant());
        timeline.change(institutionId, "lead.change.noteAdded", excerpt(t));
        audit.record(LeadService.MODULE, "Note", id, "CREATE", "Note added: " + excerpt(t));
        return note(id);
    }

    /** A new revision: the previous text is kept (who, when). */
    Note edit(long noteId, int expectedRevision, @Nullable String text) {
        String t = revised.text(text);
        Note n = note(noteId);
        if (!revised.edit(n, expectedRevision, t, LeadTimeline.me(), clock.instant())) {
            return n;
        }
        timeline.change(n.institutionId(), "lead.change.noteEdited", excerpt(t));
        audit.record(LeadService.MODULE, "Note", noteId, "UPDATE", "Note edited: " + excerpt(t));
        return note(noteId);
    }

    /** Every revision, newest first, the current text included. */
    List<NoteRevision> history(long noteId) {
        return revised.history(note(noteId));
    }

    private NoteRevision revision(long noteId, int revision) {
        return history(noteId).stream()
                .filter(r -> r.revision() == revision)
                .findFirst()
                .orElseThrow(
                        () -> DomainException.notFound("REVISION_NOT_FOUND", "lead.note.revisionNotFound", revision));
    }

    /** What changed from revision {@code from} to {@code to}, word by word. */
    List<DiffPart> diff(long noteId, int from, int to) {
        return NoteDiff.between(
                revision(noteId, from).text(), revision(noteId, to).text());
    }

    /** Makes an old revision's text current again — as a new revision, so nothing is lost. */
    Note restoreRevision(long noteId, int revision) {
        NoteRevision old = revision(noteId, revision);
        Note n = note(noteId);
        Note restored = edit(noteId, n.revision(), old.text());
        timeline.change(n.institutionId(), "lead.change.noteRestored", String.valueOf(revision));
        return restored;
    }

    Note archive(long noteId) {
        return archived(noteId, clock.instant(), "lead.change.noteArchived", "ARCHIVE", "Note archived: ");
    }

    Note restore(long noteId) {
        return archived(noteId, null, "lead.change.noteUnarchived", "RESTORE", "Note restored: ");
    }

    private Note archived(long noteId, @Nullable Instant at, String change, String action, String summary) {
        Note n = note(noteId);
        revised.archive(noteId, at);
        timeline.change(n.institutionId(), change, excerpt(n.text()));
        audit.record(LeadService.MODULE, "Note", noteId, action, summary + excerpt(n.text()));
        return note(noteId);
    }

    private static String excerpt(String text) {
        return RevisedNotes.excerpt(text);
    }
}
