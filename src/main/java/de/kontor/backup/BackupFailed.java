package de.kontor.backup;

import java.time.Instant;

/** Published when a backup could not be made, so that other modules (alerting) can tell someone. */
public record BackupFailed(BackupKind kind, Instant at, String reason) {}
