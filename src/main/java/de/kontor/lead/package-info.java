/**
 * Leads: institutions (schools, companies, clubs) before they become customers — contact
 * persons, versioned notes, tags, activities and an automatic timeline, import/export, statistics.
 */
@NullMarked
package de.kontor.lead;

import org.jspecify.annotations.NullMarked;
