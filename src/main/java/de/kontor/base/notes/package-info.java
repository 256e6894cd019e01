/**
 * Notes whose every edit is kept, for modules that keep notes on their records (customers, leads): the
 * procedure and its checks in one place, the rows in each module's own tables.
 */
@NullMarked
package de.kontor.base.notes;

import org.jspecify.annotations.NullMarked;
