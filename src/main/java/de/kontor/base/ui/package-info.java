/**
 * The UI frame every module's views live in: main layout with the menu built from the views, home page tiles,
 * error handling, audit view, and small shared components (dialogs, badges, lazy grids, SVG charts).
 */
@NullMarked
package de.kontor.base.ui;

import org.jspecify.annotations.NullMarked;
