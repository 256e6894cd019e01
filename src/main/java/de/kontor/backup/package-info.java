/**
 * Backups: consistent dumps of Kontor's database (with the secret key only when sealed by a passphrase),
 * made on demand or on a schedule, listed, downloaded and pruned; and the offline restore that
 * {@code java -jar kontor.jar restore <file>} runs while Kontor is stopped.
 */
@NullMarked
package de.kontor.backup;

import org.jspecify.annotations.NullMarked;
