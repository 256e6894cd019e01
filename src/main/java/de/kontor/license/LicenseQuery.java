package de.kontor.license;

import de.kontor.license.LicenseEnums.LicenseStatus;
import de.kontor.license.LicenseEnums.LicenseType;
import org.jspecify.annotations.Nullable;

/**
 * A filter over licenses; every part optional. {@code expiringWithinDays}: licenses whose validity
 * ends between today and that many days from now. {@code text}: part of the key or the notes.
 * {@code anomalous}: only licenses flagged by an anomaly rule (true) or only those that are not (false).
 */
public record LicenseQuery(
        @Nullable Long productId,
        @Nullable Long customerId,
        @Nullable LicenseStatus status,
        @Nullable LicenseType type,
        @Nullable Integer expiringWithinDays,
        @Nullable String text,
        @Nullable Boolean anomalous) {

    public LicenseQuery(
            @Nullable Long productId,
            @Nullable Long customerId,
            @Nullable LicenseStatus status,
            @Nullable LicenseType type,
            @Nullable Integer expiringWithinDays,
            @Nullable String text) {
        this(productId, customerId, status, type, expiringWithinDays, text, null);
    }

    public static LicenseQuery all() {
        return new LicenseQuery(null, null, null, null, null, null);
    }

    public static LicenseQuery ofCustomer(long customerId) {
        return new LicenseQuery(null, customerId, null, null, null, null);
    }
}
