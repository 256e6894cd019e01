package de.kontor.backup;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * What a backup file says about itself ({@code manifest.json} inside the archive).
 *
 * @param format the archive layout's version
 * @param kontorVersion the Kontor that made it
 * @param schemaVersion the database's Flyway schema version at the time
 * @param createdAt when the dump began
 * @param kind why it was made
 * @param dumpSha256 SHA-256 (hex) of the dump as stored in the archive
 * @param dumpBytes the dump's size
 * @param secretKeyIncluded whether the secret key is in it, sealed with a passphrase
 * @param createdBy who asked for it (or {@code system})
 */
public record Manifest(
        int format,
        String kontorVersion,
        String schemaVersion,
        Instant createdAt,
        BackupKind kind,
        String dumpSha256,
        long dumpBytes,
        boolean secretKeyIncluded,
        @Nullable String createdBy) {

    public static final int FORMAT = 1;
}
