package de.kontor.base.importing;

/** What an applied import did; {@code importId} identifies it for undo. */
public record ImportSummary(long importId, int created, int updated, int unchanged, int skipped) {}
