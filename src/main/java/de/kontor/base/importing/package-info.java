/**
 * Imports of spreadsheets and CSV files: reading rows, a preview with a verdict per row, and applying
 * them all or nothing.
 */
@NullMarked
package de.kontor.base.importing;

import org.jspecify.annotations.NullMarked;
