package de.kontor.backup;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * The backup this node is making or made last.
 *
 * @param progress 0..1, estimated from the database's size while the dump runs
 * @param backupId the file's id once it is done
 * @param error why it failed
 */
public record BackupRun(
        State state,
        BackupKind kind,
        Instant startedAt,
        @Nullable Instant finishedAt,
        double progress,
        @Nullable String backupId,
        @Nullable String error) {

    public enum State {
        RUNNING,
        DONE,
        FAILED
    }

    public boolean running() {
        return state == State.RUNNING;
    }
}
