package de.kontor.base.notes;

import de.kontor.base.error.ConcurrentChangeException;
import de.kontor.base.error.DomainException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Notes whose every edit is kept, in a module's own tables: {@code <m>_note} (id, the owner's id column, text,
 * revision, created_by/at, updated_by/at, archived_at) and {@code <m>_note_revision} (note_id, revision, text,
 * edited_by/at). An edit stores the previous text as a revision and is refused when someone else edited the
 * note since it was loaded; notes are archived, never deleted. The module runs these inside its transaction,
 * with its own audit entries and timeline; refusals use its message keys ({@code <m>.note.required},
 * {@code .tooLong}, {@code .archived}).
 */
public final class RevisedNotes {

    private final JdbcClient jdbc;
    private final String table;
    private final String ownerColumn;
    private final String messages;
    private final int maxLength;

    /**
     * @param table the module's note table; its revisions are in {@code <table>_revision}
     * @param ownerColumn the column with the id of the record the note belongs to
     * @param messages the module's message prefix ({@code customer}, {@code lead})
     */
    public RevisedNotes(JdbcClient jdbc, String table, String ownerColumn, String messages, int maxLength) {
        this.jdbc = jdbc;
        this.table = table;
        this.ownerColumn = ownerColumn;
        this.messages = messages;
        this.maxLength = maxLength;
    }

    /** The text as it is stored (stripped); refused when empty or too long. */
    public String text(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw DomainException.invalidField("text", "TEXT_REQUIRED", messages + ".note.required");
        }
        if (text.length() > maxLength) {
            throw DomainException.invalidField("text", "TEXT_TOO_LONG", messages + ".note.tooLong", maxLength);
        }
        return text.strip();
    }

    /** Stores a new note (text already checked) and returns its id. */
    public long add(long ownerId, String text, String by, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into " + table + " (" + ownerColumn + ", text, created_by, created_at, updated_by, "
                        + "updated_at) values (?, ?, ?, ?, ?, ?)")
                .params(ownerId, text, by, at, by, at)
                .update(key);
        return key.getKeyAs(Number.class).longValue();
    }

    /**
     * Makes the text (already checked) the note's new revision, keeping the previous one; false when the text
     * is what the note says already. Refused for an archived note, and when the note is no longer at
     * {@code expectedRevision}.
     */
    public boolean edit(RevisedNote note, int expectedRevision, String text, String by, Instant at) {
        if (note.archived()) {
            throw DomainException.conflict("NOTE_ARCHIVED", messages + ".note.archived");
        }
        if (note.text().equals(text)) {
            return false;
        }
        int changed = jdbc.sql("update " + table + " set text = ?, revision = revision + 1, updated_by = ?, "
                        + "updated_at = ? where id = ? and revision = ?")
                .params(text, by, at, note.id(), expectedRevision)
                .update();
        if (changed == 0) {
            throw new ConcurrentChangeException();
        }
        jdbc.sql("insert into " + table + "_revision (note_id, revision, text, edited_by, edited_at) "
                        + "values (?, ?, ?, ?, ?)")
                .params(note.id(), note.revision(), note.text(), note.updatedBy(), note.updatedAt())
                .update();
        return true;
    }

    /** Every text the note had, newest first, the current one included. */
    public List<NoteRevision> history(RevisedNote note) {
        List<NoteRevision> revisions = new ArrayList<>();
        revisions.add(new NoteRevision(note.id(), note.revision(), note.text(), note.updatedBy(), note.updatedAt()));
        revisions.addAll(jdbc.sql("select note_id, revision, text, edited_by, edited_at from " + table
                        + "_revision where note_id = ? order by revision desc")
                .param(note.id())
                .query(NoteRevision.class)
                .list());
        return revisions;
    }

    /** Archives the note ({@code at}) or brings it back (null). */
    public void archive(long id, @Nullable Instant at) {
        jdbc.sql("update " + table + " set archived_at = ? where id = ?")
                .params(at, id)
                .update();
    }

    /** The text on one line, cut to 80 characters: for audit summaries and timelines. */
    public static String excerpt(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 80 ? oneLine.substring(0, 79) + "…" : oneLine;
    }
}
