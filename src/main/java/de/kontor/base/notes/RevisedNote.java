package de.kontor.base.notes;

import java.time.Instant;

/** A module's note as {@link RevisedNotes} needs it (the module's note record implements it). */
public interface RevisedNote {

    long id();

    String text();

    /** Counts from 1; each edit adds one. */
    int revision();

    String updatedBy();

    Instant updatedAt();

    boolean archived();
}
