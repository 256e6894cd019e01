/**
 * Settings an admin changes at run time, stored in the database so every node sees the same value; the
 * environment gives each one's default.
 */
@NullMarked
package de.kontor.base.settings;

import org.jspecify.annotations.NullMarked;
