package de.kontor.license;

import de.kontor.base.jpa.VersionedEntity;
import de.kontor.license.LicenseEnums.LicenseStatus;
import de.kontor.license.LicenseEnums.LicenseType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The right of a customer to use a product on a number of machines for a time. Never deleted. */
@Entity
@EntityListeners(SnapshotInvalidation.class)
@Table(name = "license")
public class License extends VersionedEntity {

    @Column(name = "license_key", nullable = false, updatable = false, length = 24)
    private String key;

    @Column(name = "product_id", nullable = false, updatable = false)
    private Long productId;

    @Column(name = "customer_id", nullable = false)
    private Long customerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false, length = 15)
    private LicenseType type;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_until")
    private @Nullable LocalDate validUntil;

    @Column(name = "max_activations", nullable = false)
    private int maxActivations;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 15)
    private LicenseStatus status = LicenseStatus.ACTIVE;

    @Column(name = "notes", columnDefinition = "TEXT")
    private @Nullable String notes;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "license_feature", joinColumns = @JoinColumn(name = "license_id"))
    @Column(name = "name", length = 60)
    @BatchSize(size = 256)
    private Set<String> features = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "license_limit", joinColumns = @JoinColumn(name = "license_id"))
    @MapKeyColumn(name = "name", length = 60)
    @Column(name = "max_value")
    @BatchSize(size = 256)
    private Map<String, Long> limits = new TreeMap<>();

    protected License() {}

    License(String key, Long productId, Long customerId, LicenseTerms terms, Instant now) {
        this.key = key;
        this.productId = productId;
        this.customerId = customerId;
        created(now);
        apply(terms, now);
    }

    void apply(LicenseTerms terms, Instant now) {
        this.type = terms.type();
        this.validFrom = terms.validFrom();
        this.validUntil = terms.validUntil();
        this.maxActivations = terms.maxActivations();
        this.notes = terms.notes();
        this.features.clear();
        this.features.addAll(terms.features());
        this.limits.clear();
        this.limits.putAll(terms.limits());
        touched(now);
    }

    void changeStatus(LicenseStatus status, Instant now) {
        this.status = status;
        touched(now);
    }

    void extend(LocalDate until, Instant now) {
        this.validUntil = until;
        touched(now);
    }

    void reassign(Long customerId, Instant now) {
        this.customerId = customerId;
        touched(now);
    }

    public LicenseTerms terms() {
        return new LicenseTerms(
                type, validFrom, validUntil, maxActivations, new TreeSet<>(features), new TreeMap<>(limits), notes);
    }

    /** Whether the license may be used on {@code day} (by its dates, not its status). */
    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
    }

    Map<String, Object> snapshot() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("customerId", customerId);
        map.put("type", type);
        map.put("validFrom", validFrom);
        map.put("validUntil", validUntil);
        map.put("maxActivations", maxActivations);
        map.put("status", status);
        map.put("features", String.join(", ", new TreeSet<>(features)));
        map.put("limits", new TreeMap<>(limits).toString());
        map.put("notes", notes);
        return map;
    }

    public String getKey() {
        return key;
    }

    public Long getProductId() {
        return productId;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public LicenseType getType() {
        return type;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public @Nullable LocalDate getValidUntil() {
        return validUntil;
    }

    public int getMaxActivations() {
        return maxActivations;
    }

    public LicenseStatus getStatus() {
        return status;
    }

    public @Nullable String getNotes() {
        return notes;
    }

    public Set<String> getFeatures() {
        return new TreeSet<>(features);
    }

    public Map<String, Long> getLimits() {
        return new TreeMap<>(limits);
    }

    @Override
    public String toString() {
        return key;
    }
}
