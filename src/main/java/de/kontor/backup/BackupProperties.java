package de.kontor.backup;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Backup settings ({@code kontor.backup.*}); defaults in {@code application.properties}.
 *
 * @param directory where backups are written; empty: {@code <data-dir>/backups}
 * @param scheduled whether the scheduled backup runs
 * @param schedule when it runs: a Quartz cron expression in Kontor's time zone
 * @param keep how many backups are kept; older ones are deleted after each new one
 * @param passphraseFile a file holding the passphrase that seals the secret key into scheduled backups; empty:
 *     scheduled backups go without the key
 * @param dumpCommand the {@code mariadb-dump} to run; empty: the embedded server's own, else the one on the PATH
 * @param clientCommand the {@code mariadb} client a restore loads the dump with; empty: as for the dump
 * @param timeout the longest a dump or a load may take
 */
@ConfigurationProperties("kontor.backup")
@Validated
public record BackupProperties(
        @Nullable Path directory,
        boolean scheduled,
        @NotBlank String schedule,
        @Min(1) @Max(1000) int keep,
        @Nullable Path passphraseFile,
        @Nullable String dumpCommand,
        @Nullable String clientCommand,
        @NotNull Duration timeout) {}
