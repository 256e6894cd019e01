/**
 * Per-user preferences that follow a person across sessions: language and colour scheme.
 */
@NullMarked
package de.kontor.base.prefs;

import org.jspecify.annotations.NullMarked;
