package de.kontor.base.notes;

import java.time.Instant;

/** An earlier (or the current) text of a note: who wrote it and when. */
public record NoteRevision(long noteId, int revision, String text, String editedBy, Instant editedAt) {}
