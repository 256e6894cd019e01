/** The admins' "Backups" view. */
@NullMarked
package de.kontor.backup.ui;

import org.jspecify.annotations.NullMarked;
