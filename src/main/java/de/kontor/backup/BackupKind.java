package de.kontor.backup;

/** Why a backup was made. */
public enum BackupKind {
    /** An admin asked for it ("back up now", or the REST API). */
    MANUAL,
    /** The schedule made it. */
    SCHEDULED,
    /** A restore made it of the state it was about to replace. */
    SAFETY
}
