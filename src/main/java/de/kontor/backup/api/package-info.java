/** The admins' REST API for backups. */
@NullMarked
package de.kontor.backup.api;

import org.jspecify.annotations.NullMarked;
