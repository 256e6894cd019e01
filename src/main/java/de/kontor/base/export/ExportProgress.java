package de.kontor.base.export;

import org.jspecify.annotations.Nullable;

/** Told after every page of rows; may cancel the export by returning {@code false}. */
@FunctionalInterface
public interface ExportProgress {

    ExportProgress NONE = (rows, expected) -> true;

    /**
     * @param rowsWritten rows written so far
     * @param expected    total expected rows, if known
     * @return whether to go on
     */
    boolean update(long rowsWritten, @Nullable Long expected);
}
