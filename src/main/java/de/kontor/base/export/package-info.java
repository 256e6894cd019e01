/**
 * Exports of what a grid shows, every page of it: XLSX (POI streaming), PDF (OpenPDF) and CSV (Commons CSV),
 * written in the background with progress.
 */
@NullMarked
package de.kontor.base.export;

import org.jspecify.annotations.NullMarked;
