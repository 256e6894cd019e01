package de.kontor.license.api;

import de.kontor.base.api.AdminOnly;
import de.kontor.base.error.DomainException;
import de.kontor.license.License;
import de.kontor.license.LicenseAnomaly;
import de.kontor.license.LicenseEnums.LicenseStatus;
import de.kontor.license.LicenseEnums.LicenseType;
import de.kontor.license.LicenseQuery;
import de.kontor.license.LicenseService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Licenses and their activations, for admins and vendors' shops (e.g. creating licenses on purchase). */
@RestController
@RequestMapping("/api/admin/licenses")
@AdminOnly
@Validated
@Tag(name = "License admin: licenses")
class LicenseAdminController {

    private final LicenseService licenses;
    private final Clock clock;
    private final ZoneId zone;

    LicenseAdminController(LicenseService licenses, Clock clock, ZoneId zone) {
        this.licenses = licenses;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping
    @Operation(
            summary = "List licenses",
            description = "Filters as in the admin UI: product, customer, status, type, "
                    + "expiringWithinDays, q (part of the key or notes), anomalous (flagged by an anomaly rule).")
    AdminDtos.LicensePage list(
            @RequestParam(required = false) @Nullable Long product,
            @RequestParam(required = false) @Nullable Long customer,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable @Min(0) @Max(3650) Integer expiringWithinDays,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Boolean anomalous,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
            @RequestParam(required = false) @Nullable String sort) {
        LicenseQuery query = new LicenseQuery(
                product,
                customer,
                parse(LicenseStatus.class, status, "status"),
                parse(LicenseType.class, type, "type"),
                expiringWithinDays,
                q,
                anomalous);
        Slice<License> slice = licenses.find(query, PageRequest.of(page, size, sort(sort)));
        Map<Long, Long> used = licenses.usedSlots(
                slice.getContent().stream().map(License::getId).toList());
        return new AdminDtos.LicensePage(
                slice.getContent().stream()
                        .map(l -> AdminDtos.LicenseDto.of(l, used.getOrDefault(l.getId(), 0L)))
                        .toList(),
                page,
                size,
                licenses.count(query),
                slice.hasNext());
    }

    @GetMapping("/{id}")
    AdminDtos.LicenseDto get(@PathVariable long id) {
        return dto(licenses.license(id));
    }

    @GetMapping("/{id}/anomalies")
    @Operation(summary = "The anomaly rules the license breaks now (empty: nothing unusual)")
    List<LicenseAnomaly> anomalies(@PathVariable long id) {
        licenses.license(id);
        return licenses.anomalies(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create a license (or a batch with \"count\")",
            description =
                    "Defaults: type SUBSCRIPTION, validFrom today, maxActivations 1. Returns all created licenses.")
    List<AdminDtos.LicenseDto> create(@RequestBody AdminDtos.LicenseBody body) {
        if (body.productId() == null) {
            throw DomainException.invalidField("productId", "PRODUCT_REQUIRED", "validation.required");
        }
        if (body.customerId() == null) {
            throw DomainException.invalidField("customerId", "CUSTOMER_REQUIRED", "validation.required");
        }
        int count = body.count() == null ? 1 : body.count();
        return licenses.createBatch(body.productId(), body.customerId(), body.terms(today()), count).stream()
                .map(l -> AdminDtos.LicenseDto.of(l, 0))
                .toList();
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a license's terms", description = "Send the version you read (409 if changed since).")
    AdminDtos.LicenseDto update(@PathVariable long id, @RequestBody AdminDtos.LicenseBody body) {
        if (body.version() == null) {
            throw DomainException.invalidField("version", "VERSION_REQUIRED", "customer.error.versionRequired");
        }
        License current = licenses.license(id);
        AdminDtos.LicenseBody merged = new AdminDtos.LicenseBody(
                null,
                null,
                body.type() == null ? current.getType() : body.type(),
                body.validFrom() == null ? current.getValidFrom() : body.validFrom(),
                body.validUntil() == null ? current.getValidUntil() : body.validUntil(),
                body.maxActivations() == null ? current.getMaxActivations() : body.maxActivations(),
                body.features() == null ? current.getFeatures() : body.features(),
                body.limits() == null ? current.getLimits() : body.limits(),
                body.notes() == null ? current.getNotes() : body.notes(),
                null,
                body.version());
        return dto(licenses.updateTerms(id, body.version(), merged.terms(today())));
    }

    @PostMapping("/{id}/suspend")
    AdminDtos.LicenseDto suspend(@PathVariable long id) {
        return dto(licenses.suspend(List.of(id)).getFirst());
    }

    @PostMapping("/{id}/reactivate")
    AdminDtos.LicenseDto reactivate(@PathVariable long id) {
        return dto(licenses.reactivate(List.of(id)).getFirst());
    }

    @PostMapping("/{id}/revoke")
    @Operation(summary = "Revoke for good", description = "A revoked license cannot be reactivated.")
    AdminDtos.LicenseDto revoke(@PathVariable long id) {
        return dto(licenses.revoke(List.of(id)).getFirst());
    }

    @PostMapping("/{id}/extend")
    @Operation(
            summary = "Extend validity",
            description = "Body {\"days\": 30}: from the current end, or from today if it passed.")
    AdminDtos.LicenseDto extend(@PathVariable long id, @RequestBody AdminDtos.IdsBody body) {
        return dto(licenses.extend(List.of(id), days(body)).getFirst());
    }

    @PostMapping("/bulk")
    @Operation(
            summary = "The same action on many licenses",
            description = "Body {\"action\": \"suspend|reactivate|revoke|extend\", \"ids\": [...], \"days\": 30}")
    List<AdminDtos.LicenseDto> bulk(@RequestBody AdminDtos.IdsBody body) {
        String action = body.action() == null ? "" : body.action().strip().toLowerCase(Locale.ROOT);
        List<Long> ids = body.ids() == null ? List.of() : body.ids();
        if (ids.isEmpty()) {
            throw DomainException.invalidField("ids", "IDS_REQUIRED", "validation.required");
        }
        List<License> changed = switch (action) {
            case "suspend" -> licenses.suspend(ids);
            case "reactivate" -> licenses.reactivate(ids);
            case "revoke" -> licenses.revoke(ids);
            case "extend" -> licenses.extend(ids, days(body));
            default -> throw DomainException.notFound("UNKNOWN_ACTION", "license.bulk.unknown", action);
        };
        return changed.stream().map(this::dto).toList();
    }

    @GetMapping("/{id}/activations")
    @Operation(summary = "The machines a license is (or was) activated on")
    List<AdminDtos.ActivationDto> activations(@PathVariable long id) {
        licenses.license(id);
        return licenses.activations(id).stream()
                .map(AdminDtos.ActivationDto::of)
                .toList();
    }

    @PostMapping("/{id}/activations/{activationId}/deactivate")
    AdminDtos.ActivationDto deactivate(@PathVariable long id, @PathVariable long activationId) {
        return AdminDtos.ActivationDto.of(licenses.deactivate(checkedActivation(id, activationId)));
    }

    @PostMapping("/{id}/activations/{activationId}/transfer")
    @Operation(
            summary = "Free a device's slot for a replacement machine",
            description = "The next new machine that activates takes over the slot; counted per slot.")
    AdminDtos.ActivationDto transfer(@PathVariable long id, @PathVariable long activationId) {
        return AdminDtos.ActivationDto.of(licenses.transfer(checkedActivation(id, activationId)));
    }

    private long checkedActivation(long licenseId, long activationId) {
        boolean belongs = licenses.activations(licenseId).stream().anyMatch(a -> a.getId() == activationId);
        if (!belongs) {
            throw DomainException.notFound("ACTIVATION_NOT_FOUND", "license.activation.notFound", activationId);
        }
        return activationId;
    }

    private AdminDtos.LicenseDto dto(License license) {
        return AdminDtos.LicenseDto.of(
                license, licenses.usedSlots(List.of(license.getId())).getOrDefault(license.getId(), 0L));
    }

    private static int days(AdminDtos.IdsBody body) {
        if (body.days() == null) {
            throw DomainException.invalidField("days", "DAYS_REQUIRED", "validation.required");
        }
        return body.days();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidField(
                    field, "INVALID_" + field.toUpperCase(Locale.ROOT), "license.error.value", value, field);
        }
    }

    private static Sort sort(@Nullable String sort) {
        if (sort == null || sort.isBlank()) {
            return Sort.unsorted();
        }
        String[] parts = sort.split(",");
        return Sort.by(
                "desc".equalsIgnoreCase(parts.length > 1 ? parts[1].strip() : "asc")
                        ? Sort.Direction.DESC
                        : Sort.Direction.ASC,
                parts[0].strip());
    }
}
