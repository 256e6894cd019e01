package de.kontor.backup;

import de.kontor.base.error.DomainException;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code java -jar kontor.jar restore <file> [--passphrase-file F]}: restores a backup while Kontor is
 * stopped. Kontor starts for it without a web server or jobs; with the embedded database it refuses to start
 * while another Kontor uses the data directory, so a running Kontor cannot be restored under its feet.
 */
@Component
public class RestoreCommand {

    public static final String COMMAND = "restore";

    private final Restorer restorer;
    private final DatabaseTools tools;
    private final Backups backups;
    private final Flyway flyway;
    private final MessageSource messages;

    RestoreCommand(Restorer restorer, DatabaseTools tools, Backups backups, Flyway flyway, MessageSource messages) {
        this.restorer = restorer;
        this.tools = tools;
        this.backups = backups;
        this.flyway = flyway;
        this.messages = messages;
    }

    /** Runs the command; returns the exit code (0 restored, 1 refused or failed, 2 usage). */
    public int run(List<String> args, PrintStream out, PrintStream err, Locale locale) {
        @Nullable Path file = null;
        @Nullable Path passphraseFile = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--passphrase-file") && i + 1 < args.size()) {
                passphraseFile = Path.of(args.get(++i));
            } else if (arg.startsWith("--passphrase-file=")) {
                passphraseFile = Path.of(arg.substring("--passphrase-file=".length()));
            } else if (file == null && !arg.startsWith("--")) {
                file = Path.of(arg);
            } else {
                return usage(err);
            }
        }
        if (file == null) {
            return usage(err);
        }
        if (!Files.isRegularFile(file)) {
            err.println("No such backup file: " + file.toAbsolutePath());
            return 1;
        }
        try {
            char @Nullable [] passphrase = passphraseFile == null
                    ? null
                    : Files.readString(passphraseFile, StandardCharsets.UTF_8)
                            .strip()
                            .toCharArray();
            out.println("Restoring " + file.toAbsolutePath() + " ...");
            Restorer.RestoreResult result = restorer.restore(file, passphrase, tools.kontorDatabase(), flyway);
            out.println("Restored the backup of " + result.manifest().createdAt() + " (Kontor "
                    + result.manifest().kontorVersion() + ", schema "
                    + result.manifest().schemaVersion() + ").");
            out.println("The state before the restore was saved as "
                    + backups.directory().resolve(result.safetyBackup() + ".zip"));
            if (result.migrationsApplied() > 0) {
                out.println("The backup was older than this Kontor: " + result.migrationsApplied()
                        + " migrations brought it up to date.");
            }
            if (result.secretKeyRestored()) {
                out.println("The secret key was restored to " + backups.secretKeyFile() + ".");
                if (backups.secretKeyFromEnvironment()) {
                    out.println("Note: KONTOR_SECRET_KEY is set and takes precedence over that file; set it to the"
                            + " restored key (the file's content) before starting Kontor.");
                }
            } else if (result.manifest().secretKeyIncluded()) {
                out.println("The backup holds the sealed secret key, but no --passphrase-file was given: the"
                        + " current key stays. If it is not the key of the backup, Kontor will not start; run the"
                        + " restore again with the passphrase.");
            } else {
                out.println("The backup has no secret key: stored secrets (plug passwords, tokens, signing keys)"
                        + " can be read only if this Kontor's key is the one they were made with.");
            }
            return 0;
        } catch (DomainException e) {
            err.println(e.code() + ": " + messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
            return 1;
        } catch (IOException e) {
            err.println("Cannot read the passphrase file: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("The restore failed: " + e.getMessage());
            err.println("The state before the restore is in the newest \"-safety\" backup in " + backups.directory()
                    + "; restore that one to go back.");
            return 1;
        }
    }

    private static int usage(PrintStream err) {
        err.println("Usage: java -jar kontor.jar restore <backup.zip> [--passphrase-file <file>]");
        return 2;
    }
}
