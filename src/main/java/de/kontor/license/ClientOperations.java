package de.kontor.license;

import de.kontor.base.audit.AuditService;
import de.kontor.base.error.DomainException;
import de.kontor.license.ClientMessages.ActivateRequest;
import de.kontor.license.ClientMessages.Activated;
import de.kontor.license.ClientMessages.DeactivateRequest;
import de.kontor.license.ClientMessages.Deactivated;
import de.kontor.license.ClientMessages.HeartbeatRequest;
import de.kontor.license.ClientMessages.Info;
import de.kontor.license.ClientMessages.Verdict;
import de.kontor.license.ClientMessages.VerifyRequest;
import de.kontor.license.ClientMessages.VersionCheckRequest;
import de.kontor.license.ClientMessages.VersionInfo;
import de.kontor.license.LicenseEnums.ActivationState;
import de.kontor.license.LicenseEnums.Channel;
import de.kontor.license.LicenseEnums.LicenseStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the client API does, for licenses of Kontor's own keys. Every call names the product through
 * its client key; a license key of another product is "not found".
 */
@Component
class ClientOperations {

    /** A verification updates "last seen" at most this often, to keep verifications read-only mostly. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final LicenseRepository licenses;
    private final ProductRepository products;
    private final ActivationRepository activations;
    private final ReleaseRepository releases;
    private final HeartbeatStore heartbeats;
    private final LeaseSigner signer;
    private final AuditService audit;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    ClientOperations(LicenseRepository licenses, ProductRepository products, ActivationRepository activations,
                     ReleaseRepository releases, HeartbeatStore heartbeats, LeaseSigner signer, AuditService audit,
                     MessageSource messages, Clock clock, ZoneId zone) {
        this.licenses = licenses;
        this.products = products;
        this.activations = activations;
        this.releases = releases;
        this.heartbeats = heartbeats;
        this.signer = signer;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
    }

    // ---- activate ----------------------------------------------------------------------------------

    @Transactional
    Activated activate(long productId, ActivateRequest request) {
        Fingerprint fingerprint = requireFingerprint(request.fingerprint());
        String appVersion = optionalVersion(request.appVersion());
        License found = license(productId, request.licenseKey());
        Product product = products.findById(productId).orElseThrow();
        // One activation of a license at a time: concurrent requests can never exceed the maximum. (Reads
        // after the lock see what the previous holder committed: connections run READ COMMITTED.)
        License license = licenses.lockById(found.getId()).orElseThrow();
        Problem problem = problemWith(license, product, appVersion);
        if (problem != null) {
            throw error(403, problem.code(), problem.messageKey(), problem.args());
        }
        List<Activation> all = activations.findByLicenseIdOrderByFirstSeenAtAsc(license.getId());
        Instant now = clock.instant();
        Optional<Activation> same = sameDevice(all, fingerprint, product);
        Activation activation;
        boolean existing = same.isPresent();
        if (existing) {
            activation = same.get();
            activation.seen(appVersion, now);
        } else {
            Optional<Activation> freed = all.stream().filter(a -> a.holdsSlot() && a.isTransferPending()).findFirst();
            long holding = all.stream().filter(Activation::holdsSlot).count();
            if (freed.isPresent()) {
                activation = freed.get();
                activation.takeOver(fingerprint, appVersion, now);
                audit.record(LicenseService.MODULE, "Activation", activation.getId(), "TRANSFER",
                        "License " + license.getKey() + " moved to " + describe(fingerprint));
            } else if (holding >= license.getMaxActivations()) {
                throw error(409, "ACTIVATION_LIMIT_REACHED", "license.client.limitReached", license.getMaxActivations());
            } else {
                activation = activations.save(new Activation(license.getId(), fingerprint, appVersion, now));
                audit.record(LicenseService.MODULE, "Activation", activation.getId(), "ACTIVATE",
                        "License " + license.getKey() + " activated on " + describe(fingerprint));
            }
        }
        activations.flush();
        int used = (int) activations.countHoldingSlots(license.getId());
        Lease lease = lease(license, product, activation, now);
        return new Activated(activation.getId(), existing, license.getKey(), product.getCode(), license.getValidUntil(),
                license.getFeatures(), license.getLimits(), used, license.getMaxActivations(), lease.token(),
                lease.validUntil());
    }

    // ---- verify -------------------------------------------------------------------------------------

    @Transactional
    Verdict verify(long productId, VerifyRequest request) {
        Fingerprint fingerprint = requireFingerprint(request.fingerprint());
        String appVersion = optionalVersion(request.appVersion());
        License license = license(productId, request.licenseKey());
        Product product = products.findById(productId).orElseThrow();
        Problem problem = problemWith(license, product, appVersion);
        if (problem != null) {
            return invalid(license, problem, null);
        }
        Optional<Activation> activation = sameDevice(activations.findByLicenseIdOrderByFirstSeenAtAsc(license.getId()),
                fingerprint, product);
        if (activation.isEmpty()) {
            return invalid(license, new Problem("FINGERPRINT_MISMATCH", "license.client.fingerprintMismatch"), null);
        }
        Instant now = clock.instant();
        Activation a = activation.get();
        if (a.getState() == ActivationState.INACTIVE || a.getLastSeenAt().isBefore(now.minus(TOUCH_EVERY))
                || (appVersion != null && !appVersion.equals(a.getAppVersion()))) {
            a.seen(appVersion, now);
        }
        Lease lease = lease(license, product, a, now);
        return new Verdict(true, null, null, license.getKey(), license.getStatus().name(), a.getId(),
                license.getValidUntil(), license.getFeatures(), license.getLimits(), lease.token(), lease.validUntil(),
                product.heartbeatInterval().toSeconds(), null);
    }

    // ---- heartbeat ----------------------------------------------------------------------------------

    @Transactional
    Verdict heartbeat(long productId, HeartbeatRequest request) {
        if (request.activationId() == null) {
            throw error(400, "INVALID_REQUEST", "license.client.activationIdRequired");
        }
        String appVersion = optionalVersion(request.appVersion());
        Map<String, Long> usage = request.usage() == null ? Map.of() : new TreeMap<>(request.usage());
        for (Map.Entry<String, Long> counter : usage.entrySet()) {
            if (!counter.getKey().matches(LicenseTerms.NAME_PATTERN) || counter.getValue() == null || counter.getValue() < 0) {
                throw error(400, "INVALID_REQUEST", "license.client.badUsage", counter.getKey());
            }
        }
        License license = license(productId, request.licenseKey());
        Activation activation = activations.findById(request.activationId())
                .filter(a -> a.getLicenseId().equals(license.getId()) && a.holdsSlot())
                .orElseThrow(() -> error(404, "ACTIVATION_NOT_FOUND", "license.client.activationNotFound",
                        request.activationId()));
        Product product = products.findById(productId).orElseThrow();
        Instant now = clock.instant();
        activation.seen(appVersion, now);
        heartbeats.record(now, license.getId(), activation.getId(), appVersion, usage);
        Problem problem = problemWith(license, product, appVersion);
        if (problem != null) {
            return invalid(license, problem, null);
        }
        Map<String, Long> exceeded = new LinkedHashMap<>();
        license.getLimits().forEach((name, max) -> {
            Long used = usage.get(name);
            if (used != null && used > max) {
                exceeded.put(name, max);
            }
        });
        if (!exceeded.isEmpty()) {
            return invalid(license, new Problem("USAGE_LIMIT_EXCEEDED", "license.client.usageExceeded",
                    String.join(", ", exceeded.keySet())), exceeded);
        }
        Lease lease = lease(license, product, activation, now);
        return new Verdict(true, null, null, license.getKey(), license.getStatus().name(), activation.getId(),
                license.getValidUntil(), license.getFeatures(), license.getLimits(), lease.token(), lease.validUntil(),
                product.heartbeatInterval().toSeconds(), null);
    }

    // ---- deactivate, info ---------------------------------------------------------------------------

    @Transactional
    Deactivated deactivate(long productId, DeactivateRequest request) {
        Fingerprint fingerprint = requireFingerprint(request.fingerprint());
        License found = license(productId, request.licenseKey());
        Product product = products.findById(productId).orElseThrow();
        License license = licenses.lockById(found.getId()).orElseThrow();
        Activation activation = sameDevice(activations.findByLicenseIdOrderByFirstSeenAtAsc(license.getId()),
                fingerprint, product)
                .orElseThrow(() -> error(404, "ACTIVATION_NOT_FOUND", "license.client.noActivationForDevice"));
        activation.deactivate(clock.instant());
        activations.flush();
        audit.record(LicenseService.MODULE, "Activation", activation.getId(), "DEACTIVATE",
                "License " + license.getKey() + " deactivated on " + describe(fingerprint) + " by the client");
        return new Deactivated(activation.getId(), (int) activations.countHoldingSlots(license.getId()),
                license.getMaxActivations());
    }

    @Transactional(readOnly = true)
    Info info(long productId, @Nullable String licenseKey) {
        License license = license(productId, licenseKey);
        Product product = products.findById(productId).orElseThrow();
        return new Info(license.getKey(), product.getCode(), product.getName(), license.getType().name(),
                license.getStatus().name(), license.getValidFrom(), license.getValidUntil(),
                (int) activations.countHoldingSlots(license.getId()), license.getMaxActivations(),
                license.getFeatures(), license.getLimits());
    }

    // ---- versions -----------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    VersionInfo checkVersion(long productId, VersionCheckRequest request) {
        Product product = product(productId, request.product());
        if (!AppVersion.isValid(request.version())) {
            throw error(400, "INVALID_REQUEST", "license.client.badVersion", String.valueOf(request.version()));
        }
        AppVersion current = AppVersion.parse(request.version());
        Optional<Release> latest = latest(product, Channel.STABLE);
        boolean required = product.getMinSupportedVersion() != null
                && current.isBefore(AppVersion.parse(product.getMinSupportedVersion()));
        boolean available = latest.isPresent() && current.isBefore(latest.get().appVersion());
        return versionInfo(product, latest, available, required);
    }

    @Transactional(readOnly = true)
    VersionInfo latestVersion(long productId, @Nullable String productCode, Channel channel) {
        Product product = product(productId, productCode);
        return versionInfo(product, latest(product, channel), false, false);
    }

    private VersionInfo versionInfo(Product product, Optional<Release> latest, boolean available, boolean required) {
        return new VersionInfo(product.getCode(), latest.map(Release::getVersion).orElse(null),
                latest.map(r -> r.getChannel().name()).orElse(null), latest.map(Release::getReleaseDate).orElse(null),
                available, required, product.getMinSupportedVersion(), latest.map(Release::getNotes).orElse(null),
                latest.map(Release::getDownloadUrl).orElse(null));
    }

    private Optional<Release> latest(Product product, Channel channel) {
        return releases.findByProductId(product.getId()).stream()
                .filter(r -> channel == Channel.BETA || r.getChannel() == Channel.STABLE)
                .max(Comparator.comparing(Release::appVersion));
    }

    private Product product(long productId, @Nullable String code) {
        Product product = products.findById(productId).orElseThrow();
        if (code != null && !code.isBlank() && !code.strip().equalsIgnoreCase(product.getCode())) {
            throw error(404, "PRODUCT_NOT_FOUND", "license.client.productNotFound", code);
        }
        return product;
    }

    // ---- helpers --------------------------------------------------------------------------------------

    /** Why the license cannot be used now, or null. */
    private record Problem(String code, String messageKey, Object... args) {
    }

    private @Nullable Problem problemWith(License license, Product product, @Nullable String appVersion) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        if (license.getStatus() == LicenseStatus.REVOKED) {
            return new Problem("LICENSE_REVOKED", "license.client.revoked");
        }
        if (license.getStatus() == LicenseStatus.SUSPENDED) {
            return new Problem("LICENSE_SUSPENDED", "license.client.suspended");
        }
        if (today.isBefore(license.getValidFrom())) {
            return new Problem("LICENSE_NOT_YET_VALID", "license.client.notYetValid", license.getValidFrom());
        }
        if (license.getValidUntil() != null && today.isAfter(license.getValidUntil())) {
            return new Problem("LICENSE_EXPIRED", "license.client.expired", license.getValidUntil());
        }
        if (appVersion != null && product.getMinSupportedVersion() != null
                && AppVersion.parse(appVersion).isBefore(AppVersion.parse(product.getMinSupportedVersion()))) {
            return new Problem("VERSION_NOT_SUPPORTED", "license.client.versionNotSupported", appVersion,
                    product.getMinSupportedVersion());
        }
        return null;
    }

    private Verdict invalid(License license, Problem problem, @Nullable Map<String, Long> exceeded) {
        return new Verdict(false, problem.code(), text(problem.messageKey(), problem.args()), license.getKey(),
                license.getStatus().name(), null, license.getValidUntil(), license.getFeatures(), license.getLimits(),
                null, null, null, exceeded);
    }

    private Lease lease(License license, Product product, Activation activation, Instant now) {
        Instant validUntil = now.plus(Duration.ofDays(product.getGraceDays()));
        if (license.getValidUntil() != null) {
            Instant licenseEnd = license.getValidUntil().plusDays(1).atStartOfDay(zone).toInstant();
            if (licenseEnd.isBefore(validUntil)) {
                validUntil = licenseEnd;
            }
        }
        Fingerprint fp = activation.fingerprint();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "kontor");
        claims.put("sub", license.getKey());
        claims.put("prd", product.getCode());
        claims.put("lic", license.getId());
        claims.put("act", activation.getId());
        Map<String, Object> fingerprint = new LinkedHashMap<>();
        fingerprint.put("rule", product.getMatchRule().name());
        fingerprint.put("mac", Fingerprint.hash(fp.mac()));
        fingerprint.put("cpu", Fingerprint.hash(fp.cpuId()));
        fingerprint.put("uuid", Fingerprint.hash(fp.systemUuid()));
        claims.put("fp", fingerprint);
        claims.put("features", license.getFeatures());
        claims.put("limits", license.getLimits());
        claims.put("lexp", license.getValidUntil() == null ? null : license.getValidUntil().toString());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", validUntil.getEpochSecond());
        return new Lease(signer.sign(claims), validUntil);
    }

    private static Optional<Activation> sameDevice(List<Activation> all, Fingerprint fingerprint, Product product) {
        return all.stream().filter(Activation::holdsSlot).filter(a -> !a.isTransferPending())
                .filter(a -> a.fingerprint().sameDevice(fingerprint, product.getMatchRule()))
                .max(Comparator.comparingInt(a -> a.fingerprint().matchingComponents(fingerprint)));
    }

    private License license(long productId, @Nullable String key) {
        String normalized = LicenseKeys.normalize(key);
        if (key == null || key.isBlank()) {
            throw error(400, "INVALID_REQUEST", "license.client.keyRequired");
        }
        return Optional.ofNullable(normalized).flatMap(licenses::findByKey)
                .filter(l -> l.getProductId().equals(productId))
                .orElseThrow(() -> error(404, "LICENSE_NOT_FOUND", "license.client.notFound"));
    }

    private Fingerprint requireFingerprint(ClientMessages.@Nullable FingerprintData data) {
        if (data == null || !data.toFingerprint().hasComponents()) {
            throw error(400, "INVALID_REQUEST", "license.client.fingerprintRequired");
        }
        return data.toFingerprint();
    }

    private @Nullable String optionalVersion(@Nullable String version) {
        if (version == null || version.isBlank()) {
            return null;
        }
        if (!AppVersion.isValid(version)) {
            throw error(400, "INVALID_REQUEST", "license.client.badVersion", version);
        }
        return version.strip();
    }

    private static String describe(Fingerprint fp) {
        return fp.hostname() != null ? fp.hostname() : (fp.mac() != null ? fp.mac() : "a machine");
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    static DomainException error(int status, String code, String messageKey, Object... args) {
        return new DomainException(status, code, messageKey, args);
    }
}
