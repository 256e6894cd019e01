package de.kontor.license;

import de.kontor.base.Texts;
import de.kontor.base.audit.AuditChange;
import de.kontor.base.audit.AuditService;
import de.kontor.base.error.ConcurrentChangeException;
import de.kontor.base.error.DomainException;
import de.kontor.customer.Customer;
import de.kontor.customer.CustomerService;
import de.kontor.license.LicenseEnums.LicenseStatus;
import de.kontor.license.LicenseEnums.LicenseType;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issues licenses (one or a batch, each with its own key) and changes them: terms, quick edit, suspend,
 * reactivate, revoke (final), extend. Every change is audited with what changed. Callers hold the
 * transaction.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class LicenseIssuer {

    private final LicenseRepository licenses;
    private final ProductCatalog catalog;
    private final CustomerService customers;
    private final AuditService audit;
    private final Validator validator;
    private final Clock clock;
    private final ZoneId zone;

    LicenseIssuer(
            LicenseRepository licenses,
            ProductCatalog catalog,
            CustomerService customers,
            AuditService audit,
            Validator validator,
            Clock clock,
            ZoneId zone) {
        this.licenses = licenses;
        this.catalog = catalog;
        this.customers = customers;
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
        this.zone = zone;
    }

    License createLicense(long productId, long customerId, LicenseTerms terms) {
        return createBatch(productId, customerId, terms, 1).getFirst();
    }

    /** {@code count} licenses with the same terms, each with its own key. */
    List<License> createBatch(long productId, long customerId, LicenseTerms terms, int count) {
        Product product = catalog.product(productId);
        if (product.isArchived()) {
            throw DomainException.conflict("PRODUCT_ARCHIVED", "license.product.archived", product.getCode());
        }
        Customer customer = activeCustomer(customerId);
        if (count < 1 || count > 1000) {
            throw DomainException.invalidField("count", "INVALID_COUNT", "license.batch.count", 1000);
        }
        LicenseTerms checked = checkTerms(terms);
        List<License> created = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String key;
            do {
                key = LicenseKeys.generate();
            } while (licenses.existsByKey(key));
            License license = licenses.save(new License(key, productId, customer.getId(), checked, clock.instant()));
            created.add(license);
            audit.record(
                    LicenseService.MODULE,
                    "License",
                    license.getId(),
                    "CREATE",
                    "License " + key + " for " + customer.getNumber() + " (" + product.getCode() + ") created",
                    AuditChange.diff(Map.of(), license.snapshot()));
        }
        licenses.flush();
        return created;
    }

    License updateTerms(long id, long expectedVersion, LicenseTerms terms) {
        License license = unchangedSince(id, expectedVersion);
        LicenseTerms checked = checkTerms(terms);
        var before = license.snapshot();
        license.apply(checked, clock.instant());
        return updated(license, before);
    }

    /** Quick edit: status, end of validity and maximum of machines in one go. */
    License quickEdit(
            long id, long expectedVersion, LicenseStatus status, @Nullable LocalDate validUntil, int maxActivations) {
        License license = unchangedSince(id, expectedVersion);
        if (license.getStatus() == LicenseStatus.REVOKED && status != LicenseStatus.REVOKED) {
            throw DomainException.conflict("LICENSE_REVOKED", "license.revokedFinal", license.getKey());
        }
        LicenseTerms terms =
                checkTerms(license.terms().withValidUntil(validUntil).withMaxActivations(maxActivations));
        var before = license.snapshot();
        license.apply(terms, clock.instant());
        license.changeStatus(status, clock.instant());
        return updated(license, before);
    }

    /** The license, if nobody changed it since {@code expectedVersion} was read. */
    private License unchangedSince(long id, long expectedVersion) {
        License license = license(id);
        if (license.getVersion() != expectedVersion) {
            throw new ConcurrentChangeException();
        }
        return license;
    }

    private License updated(License license, Map<String, Object> before) {
        licenses.flush();
        audit.record(
                LicenseService.MODULE,
                "License",
                license.getId(),
                "UPDATE",
                "License " + license.getKey() + " updated",
                AuditChange.diff(before, license.snapshot()));
        return license;
    }

    List<License> suspend(Collection<Long> ids) {
        return changeStatus(ids, LicenseStatus.SUSPENDED, "SUSPEND");
    }

    List<License> reactivate(Collection<Long> ids) {
        return changeStatus(ids, LicenseStatus.ACTIVE, "REACTIVATE");
    }

    /** Revoking is final: a revoked license cannot be reactivated, its key is never used again. */
    List<License> revoke(Collection<Long> ids) {
        return changeStatus(ids, LicenseStatus.REVOKED, "REVOKE");
    }

    /** Extends validity by {@code days}, counted from the current end (or from today if that passed). */
    List<License> extend(Collection<Long> ids, int days) {
        if (days < 1 || days > 3650) {
            throw DomainException.invalidField("days", "INVALID_DAYS", "license.extend.days", 3650);
        }
        LocalDate today = today();
        List<License> changed = new ArrayList<>();
        for (Long id : ids) {
            License license = license(id);
            if (license.getValidUntil() == null) {
                throw DomainException.conflict("LICENSE_UNLIMITED", "license.extend.unlimited", license.getKey());
            }
            LocalDate from = license.getValidUntil().isBefore(today) ? today : license.getValidUntil();
            LocalDate until = from.plusDays(days);
            LocalDate before = license.getValidUntil();
            license.extend(until, clock.instant());
            audit.record(
                    LicenseService.MODULE,
                    "License",
                    id,
                    "EXTEND",
                    "License " + license.getKey() + " extended by " + days + " days",
                    List.of(AuditChange.of("validUntil", before, until)));
            changed.add(license);
        }
        licenses.flush();
        return changed;
    }

    private List<License> changeStatus(Collection<Long> ids, LicenseStatus status, String action) {
        List<License> changed = new ArrayList<>();
        for (Long id : ids) {
            License license = license(id);
            if (license.getStatus() == LicenseStatus.REVOKED && status != LicenseStatus.REVOKED) {
                throw DomainException.conflict("LICENSE_REVOKED", "license.revokedFinal", license.getKey());
            }
            if (license.getStatus() != status) {
                LicenseStatus before = license.getStatus();
                license.changeStatus(status, clock.instant());
                audit.record(
                        LicenseService.MODULE,
                        "License",
                        id,
                        action,
                        "License " + license.getKey() + " " + status.name().toLowerCase(Locale.ROOT),
                        List.of(AuditChange.of("status", before, status)));
            }
            changed.add(license);
        }
        licenses.flush();
        return changed;
    }

    License license(long id) {
        return licenses.findById(id)
                .orElseThrow(() -> DomainException.notFound("LICENSE_NOT_FOUND", "license.notFound", id));
    }

    private Customer activeCustomer(long customerId) {
        Customer customer = customers.get(customerId);
        if (customer.isArchived()) {
            throw DomainException.conflict("CUSTOMER_ARCHIVED", "license.customer.archived", customer.getNumber())
                    .onField("customerId");
        }
        return customer;
    }

    private LicenseTerms checkTerms(LicenseTerms terms) {
        ProductCatalog.validate(validator, terms);
        if (terms.validUntil() != null && terms.validUntil().isBefore(terms.validFrom())) {
            throw DomainException.invalidField("validUntil", "INVALID_VALIDITY", "license.validity.order");
        }
        if (terms.type() != LicenseType.PERPETUAL && terms.validUntil() == null) {
            throw DomainException.invalidField("validUntil", "VALID_UNTIL_REQUIRED", "license.validity.required");
        }
        return new LicenseTerms(
                terms.type(),
                terms.validFrom(),
                terms.validUntil(),
                terms.maxActivations(),
                terms.features(),
                terms.limits(),
                Texts.blankToNull(terms.notes()));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
