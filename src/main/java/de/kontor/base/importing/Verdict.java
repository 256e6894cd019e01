package de.kontor.base.importing;

/** What an import will do with a row. */
public enum Verdict {
    /** A new record. */
    CREATE,
    /** Changes an existing record (matched by a key). */
    UPDATE,
    /** Matches an existing record that already has these values: nothing to do. */
    UNCHANGED,
    /** Repeats an earlier row of the same file; skipped. */
    DUPLICATE,
    /** Cannot be imported; the reason says why. Skipped. */
    ERROR;

    /** Whether applying the import writes this row. */
    public boolean writes() {
        return this == CREATE || this == UPDATE;
    }

    /** Whether the row is bad (blocks an all-or-nothing import). */
    public boolean bad() {
        return this == DUPLICATE || this == ERROR;
    }
}
