package de.kontor.license.ui;

import de.kontor.license.AppVersion;
import de.kontor.license.LicenseEnums.Backend;
import de.kontor.license.LicenseEnums.MatchRule;
import de.kontor.license.Product;
import de.kontor.license.ProductTerms;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What {@link ProductSettingsForm} edits, with the rules of {@link ProductTerms} (the service checks them
 * again). Public with getters and setters for the bean validation binder.
 */
public class ProductFields {

    @NotBlank
    @Size(max = Product.NAME_MAX)
    private String name = "";

    @Pattern(regexp = "(" + AppVersion.PATTERN + ")?", message = "{license.version.pattern}")
    private String minSupportedVersion = "";

    @NotNull
    private MatchRule matchRule = MatchRule.TWO_OF_THREE;

    @NotNull
    @Min(1)
    @Max(1440)
    private Integer heartbeatMinutes = Product.DEFAULT_HEARTBEAT_MINUTES;

    @NotNull
    @Min(0)
    @Max(365)
    private Integer graceDays = Product.DEFAULT_GRACE_DAYS;

    @NotNull
    private Backend backend = Backend.KEY;

    public ProductFields() {}

    static ProductFields of(ProductTerms t) {
        ProductFields f = new ProductFields();
        f.name = t.name();
        f.minSupportedVersion = t.minSupportedVersion() == null ? "" : t.minSupportedVersion();
        f.matchRule = t.matchRule();
        f.heartbeatMinutes = t.heartbeatMinutes();
        f.graceDays = t.graceDays();
        f.backend = t.backend();
        return f;
    }

    ProductTerms terms() {
        return new ProductTerms(
                name,
                minSupportedVersion.isBlank() ? null : minSupportedVersion.strip(),
                matchRule,
                heartbeatMinutes,
                graceDays,
                backend);
    }

    public String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name == null ? "" : name;
    }

    public String getMinSupportedVersion() {
        return minSupportedVersion;
    }

    public void setMinSupportedVersion(@Nullable String minSupportedVersion) {
        this.minSupportedVersion = minSupportedVersion == null ? "" : minSupportedVersion;
    }

    public MatchRule getMatchRule() {
        return matchRule;
    }

    public void setMatchRule(MatchRule matchRule) {
        this.matchRule = matchRule;
    }

    public Integer getHeartbeatMinutes() {
        return heartbeatMinutes;
    }

    public void setHeartbeatMinutes(Integer heartbeatMinutes) {
        this.heartbeatMinutes = heartbeatMinutes;
    }

    public Integer getGraceDays() {
        return graceDays;
    }

    public void setGraceDays(Integer graceDays) {
        this.graceDays = graceDays;
    }

    public Backend getBackend() {
        return backend;
    }

    public void setBackend(Backend backend) {
        this.backend = backend;
    }
}
