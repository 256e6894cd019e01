package de.kontor.backup;

import java.time.Instant;

/** One backup file in the backup directory, as listed. */
public record BackupInfo(
        String id,
        Instant createdAt,
        BackupKind kind,
        long sizeBytes,
        String kontorVersion,
        String schemaVersion,
        boolean secretKeyIncluded,
        String createdBy) {}
