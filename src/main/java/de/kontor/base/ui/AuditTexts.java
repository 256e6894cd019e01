package de.kontor.base.ui;

import de.kontor.base.audit.AuditChange;
import de.kontor.base.audit.AuditEntry;
import de.kontor.base.i18n.KontorI18NProvider;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Audit entries as people read them, in the audit view, its export and a record's history: the action in
 * words ("Angelegt", not "CREATE"), the field's label as the form shows it ("Ansprechperson", not
 * "contactPerson"), and values as the forms show them (dates in the reader's format, Ja/Nein, numbers,
 * translated states and countries). Safe to use off the UI thread (exports): it takes the locale.
 *
 * <p>Texts are looked up by pattern, so modules add them in their own bundle:
 * <ul>
 *   <li>action: {@code audit.action.<ACTION>}</li>
 *   <li>field: {@code audit.field.<module>.<field>}, else {@code <module>.<field>} (the form's label),
 *       else {@code audit.field.<field>}</li>
 *   <li>a state value: {@code <module>.<field>.<VALUE>}, else {@code audit.value.<field>.<VALUE>}</li>
 * </ul>
 * Anything without a text is shown as recorded.
 */
public class AuditTexts {

    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,15}(\\.\\d+)?");
    private static final Pattern CONSTANTS = Pattern.compile("[A-Z][A-Z0-9_]*(, [A-Z][A-Z0-9_]*)*");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final String NONE = "–";

    private final KontorI18NProvider i18n;
    private final Locale locale;
    private final ZoneId zone;

    public AuditTexts(KontorI18NProvider i18n, Locale locale, ZoneId zone) {
        this.i18n = i18n;
        this.locale = KontorI18NProvider.supported(locale);
        this.zone = zone;
    }

    /** "Angelegt" for CREATE. */
    public String action(AuditEntry entry) {
        return action(entry.getAction());
    }

    public String action(String action) {
        return i18n.find("audit.action." + action, locale).orElse(action);
    }

    /** The changed fields, one per line part: "Ansprechperson: – → Jana Vogel; Archiviert: Nein → Ja". */
    public String changes(String module, List<AuditChange> changes) {
        return changes.stream().map(c -> change(module, c)).collect(Collectors.joining("; "));
    }

    public String change(String module, AuditChange change) {
        return field(module, change.field()) + ": " + value(module, change.field(), change.from()) + " → "
                + value(module, change.field(), change.to());
    }

    public String field(String module, String field) {
        return i18n.find("audit.field." + module + "." + field, locale)
                .or(() -> i18n.find(module + "." + field, locale))
                .or(() -> i18n.find("audit.field." + field, locale))
                .orElse(field);
    }

    public String value(String module, String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        if ("true".equals(value) || "false".equals(value)) {
            return i18n.find("audit.value." + value, locale).orElse(value);
        }
        if (INSTANT.matcher(value).matches()) {
            try {
                return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(locale)
                        .format(Instant.parse(value).atZone(zone));
            } catch (DateTimeParseException e) {
                return value;
            }
        }
        if (DATE.matcher(value).matches()) {
            try {
                return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(locale)
                        .format(LocalDate.parse(value));
            } catch (DateTimeParseException e) {
                return value;
            }
        }
        if (NUMBER.matcher(value).matches()) {
            // Without grouping: postal codes and ids are digits, too.
            NumberFormat numbers = NumberFormat.getNumberInstance(locale);
            numbers.setGroupingUsed(false);
            numbers.setMaximumFractionDigits(4);
            return numbers.format(new BigDecimal(value));
        }
        if ("country".equals(field) && COUNTRY.matcher(value).matches()) {
            String name = Locale.of("", value).getDisplayCountry(locale);
            return name.isBlank() || name.equals(value) ? value : name;
        }
        if (CONSTANTS.matcher(value).matches()) {
            return Arrays.stream(value.split(", "))
                    .map(v -> i18n.find(module + "." + field + "." + v, locale)
                            .or(() -> i18n.find("audit.value." + field + "." + v, locale))
                            .orElse(v))
                    .collect(Collectors.joining(", "));
        }
        return value;
    }
}
