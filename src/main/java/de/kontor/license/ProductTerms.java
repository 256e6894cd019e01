package de.kontor.license;

import de.kontor.license.LicenseEnums.Backend;
import de.kontor.license.LicenseEnums.MatchRule;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The editable settings of a product. */
public record ProductTerms(
        @NotBlank @Size(max = Product.NAME_MAX) String name,

        @Nullable @Pattern(regexp = AppVersion.PATTERN, message = "{license.version.pattern}")
        String minSupportedVersion,

        @NotNull MatchRule matchRule,
        @Min(1) @Max(1440) int heartbeatMinutes,
        @Min(0) @Max(365) int graceDays,
        @NotNull Backend backend) {

    public static ProductTerms defaults(String name) {
        return new ProductTerms(
                name,
                null,
                MatchRule.TWO_OF_THREE,
                Product.DEFAULT_HEARTBEAT_MINUTES,
                Product.DEFAULT_GRACE_DAYS,
                Backend.KEY);
    }
}
