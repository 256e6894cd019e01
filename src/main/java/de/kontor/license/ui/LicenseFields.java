package de.kontor.license.ui;

import de.kontor.customer.Customer;
import de.kontor.license.LicenseEnums.LicenseType;
import de.kontor.license.LicenseTerms;
import de.kontor.license.Product;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@link LicenseForm} edits, with the rules of {@link LicenseTerms} (the service checks them again).
 * Public with getters and setters for the bean validation binder.
 */
public class LicenseFields {

    private @Nullable Product product;
    private @Nullable Customer customer;

    @NotNull
    @Min(1)
    @Max(1000)
    private Integer count = 10;

    @NotNull
    private LicenseType type = LicenseType.SUBSCRIPTION;

    @NotNull
    private LocalDate validFrom;

    private @Nullable LocalDate validUntil;

    @NotNull
    @Min(1)
    @Max(10_000)
    private Integer maxActivations = 1;

    private Set<@Pattern(regexp = LicenseTerms.NAME_PATTERN, message = "{license.name.pattern}") String> features =
            new TreeSet<>();

    private Map<String, Long> limits = new LinkedHashMap<>();

    @Size(max = 10_000)
    private String notes = "";

    public LicenseFields() {
        this.validFrom = LocalDate.EPOCH;
    }

    static LicenseFields of(LicenseTerms t) {
        LicenseFields f = new LicenseFields();
        f.type = t.type();
        f.validFrom = t.validFrom();
        f.validUntil = t.validUntil();
        f.maxActivations = t.maxActivations();
        f.features = new TreeSet<>(t.features());
        f.limits = new LinkedHashMap<>(t.limits());
        f.notes = t.notes() == null ? "" : t.notes();
        return f;
    }

    LicenseTerms terms() {
        return new LicenseTerms(type, validFrom, validUntil, maxActivations, features, limits, notes);
    }

    public @Nullable Product getProduct() {
        return product;
    }

    public void setProduct(@Nullable Product product) {
        this.product = product;
    }

    public @Nullable Customer getCustomer() {
        return customer;
    }

    public void setCustomer(@Nullable Customer customer) {
        this.customer = customer;
    }

    public Integer getCount() {
        return count;
    }

    public void setCount(Integer count) {
        this.count = count;
    }

    public LicenseType getType() {
        return type;
    }

    public void setType(LicenseType type) {
        this.type = type;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(LocalDate validFrom) {
        this.validFrom = validFrom;
    }

    public @Nullable LocalDate getValidUntil() {
        return validUntil;
    }

    public void setValidUntil(@Nullable LocalDate validUntil) {
        this.validUntil = validUntil;
    }

    public Integer getMaxActivations() {
        return maxActivations;
    }

    public void setMaxActivations(Integer maxActivations) {
        this.maxActivations = maxActivations;
    }

    public Set<String> getFeatures() {
        return features;
    }

    public void setFeatures(@Nullable Set<String> features) {
        this.features = features == null ? new TreeSet<>() : new TreeSet<>(features);
    }

    public Map<String, Long> getLimits() {
        return limits;
    }

    public void setLimits(@Nullable Map<String, Long> limits) {
        this.limits = limits == null ? new LinkedHashMap<>() : new LinkedHashMap<>(limits);
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(@Nullable String notes) {
        this.notes = notes == null ? "" : notes;
    }
}
