package de.kontor.license;

import de.kontor.license.LicenseEnums.LicenseType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** What a license allows: type, dates, machines, features and usage limits. */
public record LicenseTerms(
        @NotNull LicenseType type,
        @NotNull LocalDate validFrom,
        @Nullable LocalDate validUntil,
        @Min(1) @Max(10_000) int maxActivations,
        Set<@Pattern(regexp = NAME_PATTERN, message = "{license.name.pattern}") String> features,
        Map<@Pattern(regexp = NAME_PATTERN, message = "{license.name.pattern}") String, @NotNull @Min(0) Long> limits,
        @Nullable @Size(max = 10_000) String notes) {

    /** Feature and limit names: letters, digits, dot, dash, underscore. */
    public static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,59}";

    public LicenseTerms {
        features = features == null ? new TreeSet<>() : new TreeSet<>(features);
        limits = limits == null ? new TreeMap<>() : new TreeMap<>(limits);
    }

    public LicenseTerms withValidUntil(@Nullable LocalDate until) {
        return new LicenseTerms(type, validFrom, until, maxActivations, features, limits, notes);
    }

    public LicenseTerms withMaxActivations(int max) {
        return new LicenseTerms(type, validFrom, validUntil, max, features, limits, notes);
    }
}
