package de.kontor.license;

import de.kontor.base.error.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code java -jar kontor.jar modules list [--online] | license <module> <token or key> | revoke <module>}:
 * the module licenses on the command line, printed as a table like the reference system's
 * {@code app:module:list}. A token given as {@code -} is read from standard input (it then stays out of
 * the shell history and the process list).
 */
@Component
public class ModuleCommands {

    public static final String COMMAND = "modules";
    private static final int INFO_WIDTH = 70;

    private final LicenseService licenses;
    private final MessageSource messages;

    ModuleCommands(LicenseService licenses, MessageSource messages) {
        this.licenses = licenses;
        this.messages = messages;
    }

    /** Runs one command; returns the exit code (0 done, 1 refused, 2 usage). */
    public int run(List<String> args, BufferedReader in, PrintStream out, PrintStream err, Locale locale) {
        if (args.isEmpty()) {
            return usage(err);
        }
        try {
            switch (args.get(0)) {
                case "list" -> {
                    if (args.size() > 2 || (args.size() == 2 && !args.get(1).equals("--online"))) {
                        return usage(err);
                    }
                    out.print(table(licenses.modules(args.size() == 2, locale), locale));
                    return 0;
                }
                case "license" -> {
                    if (args.size() != 3) {
                        return usage(err);
                    }
                    String secret = args.get(2).equals("-") ? in.readLine() : args.get(2);
                    ModuleStatus status = licenses.registerModuleLicense(args.get(1), secret, locale);
                    out.println(text(locale, "license.module.register.done", status.identifier()));
                    out.print(table(List.of(status), locale));
                    return 0;
                }
                case "revoke" -> {
                    if (args.size() != 2) {
                        return usage(err);
                    }
                    licenses.revokeModuleLicense(args.get(1));
                    out.println(text(
                            locale,
                            "license.module.revoked",
                            args.get(1).strip().toLowerCase(Locale.ROOT)));
                    return 0;
                }
                default -> {
                    return usage(err);
                }
            }
        } catch (DomainException e) {
            String message = text(locale, e.messageKey(), e.args());
            err.println(e.code() + ": " + message);
            return 1;
        } catch (IOException e) {
            err.println("Cannot read the token from standard input: " + e.getMessage());
            return 1;
        }
    }

    private static int usage(PrintStream err) {
        err.println("""
                usage: java -jar kontor.jar modules list [--online]
                       java -jar kontor.jar modules license <module> <gitea token or Kontor key | - (read from stdin)>
                       java -jar kontor.jar modules revoke <module>""");
        return 2;
    }

    /** The modules as a box-drawn table: module, version, status, license info. */
    String table(List<ModuleStatus> modules, Locale locale) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {
            text(locale, "license.module.column.module"),
            text(locale, "license.module.column.version"),
            text(locale, "license.module.column.status"),
            text(locale, "license.module.column.info")
        });
        for (ModuleStatus m : modules) {
            ModuleLicense l = m.license();
            String status = (l.valid() ? "✓ " : "✗ ") + text(locale, "license.module.status." + l.status());
            StringBuilder info = new StringBuilder(l.message());
            if (l.valid() && l.licensedTo() != null) {
                info.append("; ")
                        .append(text(locale, "license.module.column.licensedTo"))
                        .append(": ")
                        .append(l.licensedTo());
            }
            if (l.expiresAt() != null) {
                info.append("; ")
                        .append(text(locale, "license.module.column.expires"))
                        .append(": ")
                        .append(l.expiresAt().toLocalDate());
            }
            if (!l.features().isEmpty()) {
                info.append("; ")
                        .append(text(locale, "license.module.column.features"))
                        .append(": ")
                        .append(String.join(", ", l.features()));
            }
            String infoText = info.length() > INFO_WIDTH ? info.substring(0, INFO_WIDTH - 1) + "…" : info.toString();
            rows.add(new String[] {m.identifier(), m.version() == null ? "–" : m.version(), status, infoText});
        }
        int[] widths = new int[4];
        for (String[] row : rows) {
            for (int i = 0; i < 4; i++) {
                widths[i] = Math.max(widths[i], row[i].codePointCount(0, row[i].length()));
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(line('┌', '┬', '┐', widths));
        for (int r = 0; r < rows.size(); r++) {
            sb.append('│');
            for (int i = 0; i < 4; i++) {
                String cell = rows.get(r)[i];
                sb.append(' ')
                        .append(cell)
                        .append(" ".repeat(widths[i] - cell.codePointCount(0, cell.length())))
                        .append(" │");
            }
            sb.append('\n');
            if (r == 0) {
                sb.append(line('├', '┼', '┤', widths));
            }
        }
        sb.append(line('└', '┴', '┘', widths));
        return sb.toString();
    }

    private static String line(char left, char middle, char right, int[] widths) {
        StringBuilder sb = new StringBuilder().append(left);
        for (int i = 0; i < widths.length; i++) {
            sb.append("─".repeat(widths[i] + 2)).append(i == widths.length - 1 ? right : middle);
        }
        return sb.append('\n').toString();
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
