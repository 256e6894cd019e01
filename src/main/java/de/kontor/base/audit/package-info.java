/**
 * The append-only audit log: who changed what and when, written in the same transaction as the change,
 * readable in the UI and over REST.
 */
@NullMarked
package de.kontor.base.audit;

import org.jspecify.annotations.NullMarked;
