package de.kontor.backup;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * How this node's backups stand, for monitoring: whether the last backup it tried failed, and whether the
 * scheduled backup is overdue (its schedule should have made one since the newest backup, or since this node
 * started when there is none, more than an hour ago).
 *
 * @param lastFailed the last backup this node made or tried failed (and none succeeded since)
 * @param overdue scheduled backups are on and one is missing
 * @param newest when the newest backup in this node's folder was made, if there is one
 */
public record BackupHealth(
        boolean lastFailed, boolean overdue, @Nullable Instant newest) {}
